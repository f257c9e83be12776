using System.Xml;

namespace Forma.Formats.Archives;

/// <summary>What one <c>&lt;Workout&gt;</c> element of export.xml says, read to its end.</summary>
internal sealed record AppleWorkout(string? Type, string? Start, TimeSpan? Duration, double? Distance, string? RoutePath)
{
    /// <summary>Reads the element the reader is on and leaves the reader after it.</summary>
    public static AppleWorkout Read(XmlReader xml)
    {
        var type = xml.GetAttribute("workoutActivityType");
        var start = xml.GetAttribute("startDate");
        var duration = AppleValues.Duration(xml.GetAttribute("duration"), xml.GetAttribute("durationUnit"));
        var distance = AppleValues.Distance(xml.GetAttribute("totalDistance"), xml.GetAttribute("totalDistanceUnit"));
        string? route = null;
        if (!xml.IsEmptyElement)
        {
            using var inside = xml.ReadSubtree();
            while (inside.Read())
            {
                if (inside.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (inside.LocalName == "FileReference")
                {
                    route ??= inside.GetAttribute("path");
                }
                else if (inside.LocalName == "WorkoutStatistics" && distance is null && IsDistance(inside.GetAttribute("type")))
                {
                    // iOS 16 and later moved the distance from the Workout's attributes into statistics.
                    distance = AppleValues.Distance(inside.GetAttribute("sum"), inside.GetAttribute("unit"));
                }
            }
        }

        xml.Read();
        return new AppleWorkout(type, start, duration, distance, route);
    }

    private static bool IsDistance(string? type) =>
        type is not null && type.StartsWith("HKQuantityTypeIdentifierDistance", StringComparison.Ordinal);
}
