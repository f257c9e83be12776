using Forma.Analytics.Curves;
using Forma.Testing;

namespace Forma.Analytics.Tests.Curves;

public class CurveCodecTests
{
    [Fact]
    public void RoundTrip_IsWithinHalfTheResolutionAndSmallerThanFloat32()
    {
        var curve = MeanMax.Compute(SyntheticRide.Power(7, 7200).AsSpan());

        var bytes = CurveCodec.Encode(curve);
        var decoded = CurveCodec.Decode(bytes);

        Assert.Equal(curve.Length, decoded.Length);
        for (var k = 0; k < curve.Length; k++)
        {
            Assert.InRange(decoded[k] - curve[k], -(CurveCodec.Resolution / 2) - 1e-9, (CurveCodec.Resolution / 2) + 1e-9);
        }

        Assert.True(bytes.Length < curve.Length * sizeof(float) / 2, $"{bytes.Length} bytes for {curve.Length} values");
    }

    [Fact]
    public void RoundTrip_EmptyAndNegative()
    {
        Assert.Empty(CurveCodec.Decode(CurveCodec.Encode([])));
        Assert.Equal([-1.5, 0, 2.25], CurveCodec.Decode(CurveCodec.Encode([-1.5, 0, 2.25])));
    }

    [Fact]
    public void Encode_NaN_Throws() =>
        Assert.Throws<ArgumentException>(() => CurveCodec.Encode([1, double.NaN]));

    [Fact]
    public void Decode_Damaged_ThrowsFormatException()
    {
        var bytes = CurveCodec.Encode([300.0, 250, 200]);

        Assert.Throws<FormatException>(() => CurveCodec.Decode([9, .. bytes[1..]]));
        Assert.Throws<FormatException>(() => CurveCodec.Decode(bytes.AsSpan(0, bytes.Length - 2)));
    }
}
