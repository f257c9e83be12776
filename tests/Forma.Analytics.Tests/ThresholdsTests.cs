using Forma.Analytics.Physiology;

namespace Forma.Analytics.Tests;

public class ThresholdsTests
{
    [Fact]
    public void None_KnowsNothing() =>
        Assert.Equal(new Thresholds(), Thresholds.None);
}
