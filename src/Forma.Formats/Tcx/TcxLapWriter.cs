using System.Xml;
using Forma.Formats.Xml;

namespace Forma.Formats.Tcx;

/// <summary>
/// Writes one &lt;Lap&gt; in ActivityLap_t's order: TotalTimeSeconds, DistanceMeters, MaximumSpeed, Calories,
/// AverageHeartRateBpm, MaximumHeartRateBpm, Intensity, Cadence, TriggerMethod, Track, then the ActivityExtension
/// lap values (LX: AvgSpeed, AvgRunCadence, AvgWatts, MaxWatts). TotalTimeSeconds, DistanceMeters and Calories
/// are required; a lap that does not say is measured from its samples, and calories unknown are 0.
/// </summary>
internal static class TcxLapWriter
{
    public static void Write(XmlWriter xml, TcxLapPlan plan, TcxPoints points)
    {
        var (lap, rows) = (plan.Lap, plan.Rows);
        var c = points.Columns;
        var running = points.Running;
        var start = lap.StartTime ?? (rows.Count > 0 ? XmlOutput.At(points.Start, c.Time[rows[0]]) : points.Start);
        xml.WriteStartElement("Lap", TcxWriter.Tcd);
        xml.WriteAttributeString("StartTime", XmlOutput.Time(start));
        xml.WriteElementString("TotalTimeSeconds", TcxWriter.Tcd, XmlOutput.Number(lap.TimerTime ?? lap.ElapsedTime ?? Span(c.Time, rows)));
        xml.WriteElementString("DistanceMeters", TcxWriter.Tcd, XmlOutput.Number(lap.Distance ?? Span(c.Distance, rows)));
        XmlOutput.Element(xml, "MaximumSpeed", TcxWriter.Tcd, TcxPoints.Number(lap.MaxSpeed));
        xml.WriteElementString("Calories", TcxWriter.Tcd, TcxPoints.UnsignedShort(lap.Calories) ?? "0");
        TcxPoints.HeartRate(xml, "AverageHeartRateBpm", lap.AverageHeartRate);
        TcxPoints.HeartRate(xml, "MaximumHeartRateBpm", lap.MaxHeartRate);
        xml.WriteElementString("Intensity", TcxWriter.Tcd, "Active");
        XmlOutput.Element(xml, "Cadence", TcxWriter.Tcd, running ? null : TcxPoints.Cadence(lap.AverageCadence));
        xml.WriteElementString("TriggerMethod", TcxWriter.Tcd, "Manual");
        if (rows.Count > 0)
        {
            xml.WriteStartElement("Track", TcxWriter.Tcd);
            foreach (var row in rows)
            {
                points.Write(xml, row);
            }

            xml.WriteEndElement();
        }

        WriteExtension(xml, lap, running);
        xml.WriteEndElement();
    }

    private static void WriteExtension(XmlWriter xml, ActivitySegment lap, bool running)
    {
        var speed = TcxPoints.Number(lap.AverageSpeed);
        var cadence = running ? TcxPoints.Cadence(lap.AverageCadence) : null;
        var average = TcxPoints.UnsignedShort(lap.AveragePower);
        var max = TcxPoints.UnsignedShort(lap.MaxPower);
        if (speed is null && cadence is null && average is null && max is null)
        {
            return;
        }

        xml.WriteStartElement("Extensions", TcxWriter.Tcd);
        xml.WriteStartElement("ns3", "LX", TcxWriter.Ax);
        XmlOutput.Element(xml, "AvgSpeed", TcxWriter.Ax, speed);
        XmlOutput.Element(xml, "AvgRunCadence", TcxWriter.Ax, cadence);
        XmlOutput.Element(xml, "AvgWatts", TcxWriter.Ax, average);
        XmlOutput.Element(xml, "MaxWatts", TcxWriter.Ax, max);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Last minus first present value over the lap's rows (its duration, or its distance); 0 when there are none.</summary>
    private static double Span(double[] values, List<int> rows)
    {
        var present = rows.Select(r => values[r]).Where(v => !double.IsNaN(v)).ToList();
        return present.Count > 0 ? Math.Max(0, present.Max() - present.Min()) : 0;
    }
}
