using System.Globalization;
using System.Xml;
using Forma.Formats.Tracks;
using Forma.Formats.Xml;

namespace Forma.Formats.Tcx;

/// <summary>
/// The TCX element handlers. Schema elements are matched by local name in context; the ActivityExtension
/// values (TPX on track points, LX on laps) by namespace, whatever prefix the writer chose.
/// </summary>
internal sealed class TcxParser(XmlReadOptions options) : StreamingXmlParser<TcxDocument>(options, "TrainingCenterDatabase")
{
    /// <summary>Garmin ActivityExtension; v2 is current, and the prefix also matches the rare v1.</summary>
    private const string ActivityExtensionPrefix = "http://www.garmin.com/xmlschemas/ActivityExtension/";

    private TcxActivity? _activity;
    private ActivitySegment? _lap;
    private TrackPoint? _point;

    /// <summary>The largest distance so far in the file, to continue from when a later activity restarts at zero.</summary>
    private double _distanceSoFar;

    protected override void OnStart(XmlReader reader, string localName, string namespaceUri)
    {
        switch (localName)
        {
            case "Activity" when _activity is null:
                _activity = new TcxActivity(TcxSports.FromAttribute(reader.GetAttribute("Sport")));
                Document.Activities.Add(_activity);
                break;
            case "Lap" when _activity is not null && _lap is null:
                _lap = new ActivitySegment { StartTime = Time(reader.GetAttribute("StartTime") ?? "", "Lap StartTime"), Sport = _activity.Sport };
                break;
            case "Trackpoint" when _activity is not null && _point is null:
                _point = new TrackPoint();
                break;
            case "Course" when Ancestor(1) == "Courses":
                Document.Courses++;
                break;
            default:
                break;
        }
    }

    protected override void OnEnd(string localName, string namespaceUri, string text)
    {
        if (_activity is null)
        {
            return;
        }

        if (_point is not null)
        {
            EndInPoint(_activity, _point, localName, namespaceUri, text);
        }
        else if (_lap is not null)
        {
            EndInLap(_activity, _lap, localName, namespaceUri, text);
        }
        else
        {
            EndInActivity(_activity, localName, text);
        }
    }

    private void EndInPoint(TcxActivity activity, TrackPoint point, string localName, string namespaceUri, string text)
    {
        if (namespaceUri.StartsWith(ActivityExtensionPrefix, StringComparison.Ordinal))
        {
            switch (localName)
            {
                case "Speed":
                    point.Speed = Number(text, localName);
                    break;
                case "Watts":
                    point.Power = Number(text, localName);
                    break;

                // Running cadence lives here; a point that also has <Cadence> keeps that one.
                case "RunCadence" when double.IsNaN(point.Cadence):
                    point.Cadence = Number(text, localName);
                    break;
                default:
                    break;
            }

            return;
        }

        switch (localName)
        {
            case "Trackpoint":
                AddPoint(activity, point);
                _point = null;
                break;
            case "Time":
                point.Time = Time(text, localName);
                break;
            case "LatitudeDegrees":
                point.Latitude = Number(text, localName, -90, 90);
                break;
            case "LongitudeDegrees":
                point.Longitude = Number(text, localName, -180, 180);
                break;
            case "AltitudeMeters":
                point.Altitude = Number(text, localName);
                break;
            case "DistanceMeters":
                point.Distance = Number(text, localName);
                break;
            case "Value" when Ancestor(1) == "HeartRateBpm":
                point.HeartRate = Number(text, "HeartRateBpm");
                break;
            case "Cadence":
                point.Cadence = Number(text, localName);
                break;
            default:
                break;
        }
    }

    private void EndInLap(TcxActivity activity, ActivitySegment lap, string localName, string namespaceUri, string text)
    {
        if (namespaceUri.StartsWith(ActivityExtensionPrefix, StringComparison.Ordinal))
        {
            _lap = localName switch
            {
                "AvgSpeed" => lap with { AverageSpeed = Number(text, localName) },
                "AvgWatts" => lap with { AveragePower = Number(text, localName) },
                "MaxWatts" => lap with { MaxPower = Number(text, localName) },
                "AvgRunCadence" when lap.AverageCadence is null => lap with { AverageCadence = Number(text, localName) },
                _ => lap,
            };
            return;
        }

        if (localName == "Lap")
        {
            activity.Laps.Add(lap);
            _lap = null;
            return;
        }

        var parent = Ancestor(1);
        _lap = (localName, parent) switch
        {
            ("TotalTimeSeconds", "Lap") => lap with { TimerTime = Number(text, localName) },
            ("DistanceMeters", "Lap") => lap with { Distance = Number(text, localName) },
            ("MaximumSpeed", "Lap") => lap with { MaxSpeed = Number(text, localName) },
            ("Calories", "Lap") => lap with { Calories = Number(text, localName) },
            ("Cadence", "Lap") => lap with { AverageCadence = Number(text, localName) },
            ("Value", "AverageHeartRateBpm") => lap with { AverageHeartRate = Number(text, parent) },
            ("Value", "MaximumHeartRateBpm") => lap with { MaxHeartRate = Number(text, parent) },
            _ => lap,
        };
    }

    private void EndInActivity(TcxActivity activity, string localName, string text)
    {
        var parent = Ancestor(1);
        switch (localName)
        {
            case "Activity":
                _activity = null;
                break;

            // The Id is only an identifier to the schema; one that is not a time is ignored, not an error.
            case "Id" when parent == "Activity" && IsoTimestamp.TryParse(text, out var id):
                activity.Id = id;
                break;
            case "Name" when parent == "Creator" && text.Length > 0:
                Document.CreatorName ??= text;
                break;
            case "UnitId" when parent == "Creator" && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unitId):
                Document.UnitId ??= unitId;
                break;
            case "ProductID" when parent == "Creator" && text.Length > 0:
                Document.ProductId ??= text;
                break;
            case "VersionMajor" when Ancestor(2) == "Creator" && text.Length > 0:
                Document.VersionMajor ??= text;
                break;
            case "VersionMinor" when Ancestor(2) == "Creator" && text.Length > 0:
                Document.VersionMinor ??= text;
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// A multisport file restarts DistanceMeters at zero in each activity; the file's distance stream is
    /// "metres from the start", so a later activity that restarts continues from the largest distance so far.
    /// </summary>
    private void AddPoint(TcxActivity activity, TrackPoint point)
    {
        if (!double.IsNaN(point.Distance))
        {
            activity.DistanceOffset ??= point.Distance < _distanceSoFar ? _distanceSoFar : 0;
            point.Distance += activity.DistanceOffset.Value;
            _distanceSoFar = Math.Max(_distanceSoFar, point.Distance);
        }

        activity.Points.Add(point);
    }
}
