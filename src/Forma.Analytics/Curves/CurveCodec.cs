using System.IO.Compression;

namespace Forma.Analytics.Curves;

/// <summary>
/// Compact storage for a per-activity curve: values quantised to <see cref="Resolution"/>, delta-coded between
/// neighbouring durations (a curve changes slowly), zigzag varints, then Brotli (docs/analytics/models.md §1.5).
/// Layout: format byte, varint of the varint stream's length, Brotli payload.
/// </summary>
public static class CurveCodec
{
    /// <summary>Quantisation step: a round trip is within ±Resolution / 2 (0.0005 W, bpm or m/s).</summary>
    public const double Resolution = 0.001;

    private const byte FormatV1 = 1;
    private const int BrotliQuality = 5;
    private const int BrotliWindow = 22;

    public static byte[] Encode(double[] curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var raw = new byte[Varint.MaxBytes * (curve.Length + 1)];
        var at = Varint.Write(raw, 0, (ulong)curve.Length);
        var previous = 0L;
        foreach (var value in curve)
        {
            if (!double.IsFinite(value) || Math.Abs(value) > 1e12)
            {
                throw new ArgumentException("A stored curve holds finite values only.", nameof(curve));
            }

            var quantised = (long)Math.Round(value / Resolution, MidpointRounding.AwayFromZero);
            at = Varint.Write(raw, at, Varint.ZigZag(quantised - previous));
            previous = quantised;
        }

        var output = new byte[1 + Varint.MaxBytes + BrotliEncoder.GetMaxCompressedLength(at)];
        output[0] = FormatV1;
        var header = Varint.Write(output, 1, (ulong)at);
        if (!BrotliEncoder.TryCompress(raw.AsSpan(0, at), output.AsSpan(header), out var written, BrotliQuality, BrotliWindow))
        {
            throw new InvalidOperationException("Brotli could not compress into its own maximum length.");
        }

        return output.AsSpan(0, header + written).ToArray();
    }

    public static double[] Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data[0] != FormatV1)
        {
            throw new FormatException("Not a curve in a known format.");
        }

        var at = 1;
        var rawLength = checked((int)Varint.Read(data, ref at));
        var raw = new byte[rawLength];
        if (!BrotliDecoder.TryDecompress(data[at..], raw, out var written) || written != rawLength)
        {
            throw new FormatException("The curve's compressed payload is damaged.");
        }

        var position = 0;
        var count = checked((int)Varint.Read(raw, ref position));
        var curve = new double[count];
        var quantised = 0L;
        for (var k = 0; k < count; k++)
        {
            quantised += Varint.UnZigZag(Varint.Read(raw, ref position));
            curve[k] = quantised * Resolution;
        }

        return curve;
    }
}
