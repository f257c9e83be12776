using System.Runtime.CompilerServices;

namespace Forma.Formats.Fit;

/// <summary>
/// What to do with each field of one record layout, worked out once per definition so that the per-record loop
/// is a read, a scale and a store. Fields with no stream (unknown numbers, strings, byte arrays) are not in
/// the plan at all: their bytes are skipped with the message.
/// </summary>
internal sealed class FitRecordPlan
{
    private const double SemicirclesToDegrees = 180.0 / 2147483648.0; // 2^31 semicircles = 180 degrees

    private readonly Step[] _steps;

    private FitRecordPlan(Step[] steps) => _steps = steps;

    private enum Kind : byte
    {
        /// <summary>Scale 1, offset 0 and no running total: the raw value is the value, and a division by one is saved.</summary>
        Direct,
        Scaled,

        /// <summary>The plain half of an enhanced pair (speed, altitude): written only when the enhanced field left the cell empty.</summary>
        Weak,
        Semicircle,
        CompressedSpeedDistance,

        /// <summary>The low bits of a running total (profile "accumulate" with fewer bits than the total).</summary>
        Accumulated,
    }

    public static FitRecordPlan Build(FitDefinition definition, FitColumns columns, FitDeveloperFields developer)
    {
        var steps = new List<Step>(definition.FieldNumbers.Length + definition.DeveloperFields.Length);
        for (var i = 0; i < definition.FieldNumbers.Length; i++)
        {
            var number = definition.FieldNumbers[i];
            var type = definition.BaseTypes[i];
            var at = definition.Offsets[i];
            if (number == FitRecordFields.CompressedSpeedDistance && definition.FieldSizes[i] >= 3)
            {
                var speed = columns.Column(StreamNames.Speed, "m/s");
                var distance = columns.Column(StreamNames.Distance, "m");
                steps.Add(new Step(Kind.CompressedSpeedDistance, FitReadCode.Other, at, type, speed, distance, 1, 0, FitAccumulators.Distance, 12));
                continue;
            }

            if (FitRecordFields.Find(number) is not { } info || type == FitBaseType.Byte || (type & 0x1F) == FitBaseType.String)
            {
                continue;
            }

            var kind = number switch
            {
                FitRecordFields.PositionLat or FitRecordFields.PositionLong => Kind.Semicircle,
                FitRecordFields.Speed or FitRecordFields.Altitude => Kind.Weak,
                _ when info.Bits > 0 => Kind.Accumulated,
                _ => ScaledKind(info.Scale, info.Offset, info.Accumulator),
            };
            var column = columns.Column(info.Name, info.Units);
            steps.Add(new Step(kind, FitBaseType.CodeFor(type, definition.BigEndian), at, type, column, -1, info.Scale, info.Offset, info.Accumulator, info.Bits));
        }

        foreach (var field in definition.DeveloperFields)
        {
            if (developer.Find(field.DeveloperIndex, field.Number) is not { } description
                || (description.BaseType & 0x1F) == FitBaseType.String
                || !FitBaseType.IsKnown(description.BaseType)
                || field.Size < FitBaseType.Size(description.BaseType))
            {
                continue;
            }

            // A developer name may repeat a stream the profile fills ("power" from an app): keep both, apart.
            var name = FitRecordFields.IsProfileName(description.Name) ? description.Name + "_developer" : description.Name;
            var column = columns.Column(name, description.Units);
            var code = FitBaseType.CodeFor(description.BaseType, definition.BigEndian);
            var kind = ScaledKind(description.Scale, description.Offset, FitAccumulators.None);
            steps.Add(new Step(kind, code, field.Offset, description.BaseType, column, -1, description.Scale, description.Offset, FitAccumulators.None, 0));
        }

        return new FitRecordPlan([.. steps]);
    }

    private static Kind ScaledKind(double scale, double offset, int accumulator) =>
        scale == 1 && offset == 0 && accumulator == FitAccumulators.None ? Kind.Direct : Kind.Scaled;

    /// <summary>Writes one record's values into the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<byte> payload, bool bigEndian, FitColumns columns, FitAccumulators accumulators)
    {
        var row = columns.Row;
        foreach (ref readonly var step in _steps.AsSpan())
        {
            if (step.Kind == Kind.CompressedSpeedDistance)
            {
                ApplyCompressed(payload.Slice(step.At, 3), columns, step, row, accumulators);
                continue;
            }

            var raw = FitBaseType.Read(payload, step.At, step.Code, step.Type, bigEndian);
            if (double.IsNaN(raw))
            {
                continue;
            }

            var cells = columns.Cells(step.Column);
            switch (step.Kind)
            {
                case Kind.Direct:
                    cells[row] = raw;
                    break;
                case Kind.Semicircle:
                    cells[row] = raw * SemicirclesToDegrees;
                    break;
                case Kind.Weak when !double.IsNaN(cells[row]):
                    break;
                case Kind.Accumulated:
                    cells[row] = accumulators.Add(step.Accumulator, (long)raw, step.Bits, step.Scale);
                    break;
                default:
                    cells[row] = (raw / step.Scale) - step.Offset;
                    if (step.Accumulator != FitAccumulators.None)
                    {
                        accumulators.Set(step.Accumulator, cells[row]);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// record.compressed_speed_distance (profile components): 12 bits of speed in 1/100 m/s, then 12 bits of
    /// distance in 1/16 m that accumulate, rolling over every 4096 units (256 m).
    /// </summary>
    private static void ApplyCompressed(ReadOnlySpan<byte> b, FitColumns columns, in Step step, int row, FitAccumulators accumulators)
    {
        if (b[0] == 0xFF && b[1] == 0xFF && b[2] == 0xFF)
        {
            return;
        }

        var speed = b[0] | ((b[1] & 0x0F) << 8);
        var distance = (b[1] >> 4) | (b[2] << 4);
        var speeds = columns.Cells(step.Column);
        if (double.IsNaN(speeds[row]))
        {
            speeds[row] = speed / 100.0;
        }

        columns.Cells(step.Column2)[row] = accumulators.Add(step.Accumulator, distance, step.Bits, 16);
    }

    private readonly record struct Step(Kind Kind, FitReadCode Code, int At, byte Type, int Column, int Column2, double Scale, double Offset, int Accumulator, int Bits);
}
