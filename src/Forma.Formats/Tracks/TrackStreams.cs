namespace Forma.Formats.Tracks;

/// <summary>Turns decoded points into the columnar streams, adding a distance stream from the positions when the file has none.</summary>
internal static class TrackStreams
{
    public static SampleStreams Build(IReadOnlyList<TrackPoint> points, DateTime? start)
    {
        var computeDistance = !points.Any(p => !double.IsNaN(p.Distance)) && points.Any(p => p.HasPosition);
        var builder = new SampleStreamsBuilder(points.Count);
        var distance = 0.0;
        TrackPoint? previous = null;
        var gap = false;
        foreach (var point in points)
        {
            builder.BeginRow();
            if (point.Time is { } time && start is { } origin)
            {
                builder.Set(StreamNames.Time, (time - origin).TotalSeconds);
            }

            SetIfPresent(builder, StreamNames.Latitude, point.Latitude);
            SetIfPresent(builder, StreamNames.Longitude, point.Longitude);
            SetIfPresent(builder, StreamNames.Altitude, point.Altitude);
            SetIfPresent(builder, StreamNames.Speed, point.Speed);
            SetIfPresent(builder, StreamNames.HeartRate, point.HeartRate);
            SetIfPresent(builder, StreamNames.Cadence, point.Cadence);
            SetIfPresent(builder, StreamNames.Power, point.Power);
            SetIfPresent(builder, StreamNames.Temperature, point.Temperature);
            if (!computeDistance)
            {
                SetIfPresent(builder, StreamNames.Distance, point.Distance);
                continue;
            }

            // A new segment means the recorder stopped; the straight line across the gap was not travelled.
            gap |= point.StartsSegment;
            if (point.HasPosition)
            {
                if (previous is not null && !gap)
                {
                    distance += Haversine.Metres(previous.Latitude, previous.Longitude, point.Latitude, point.Longitude);
                }

                previous = point;
                gap = false;
            }

            builder.Set(StreamNames.Distance, distance);
        }

        return builder.Build();
    }

    private static void SetIfPresent(SampleStreamsBuilder builder, string name, double value)
    {
        if (!double.IsNaN(value))
        {
            builder.Set(name, value);
        }
    }
}
