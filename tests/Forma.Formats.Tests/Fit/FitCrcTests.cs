using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

public class FitCrcTests
{
    [Fact]
    public void Crc_MatchesTheProtocolDocumentsNibbleAlgorithm_AtEveryLength()
    {
        var random = new Random(7);
        var data = new byte[300];
        random.NextBytes(data);

        for (var length = 0; length <= data.Length; length++)
        {
            Assert.Equal(NibbleCrc(data.AsSpan(0, length)), FitCrc.Compute(data.AsSpan(0, length)));
        }
    }

    /// <summary>The FIT protocol document's reference: a 16-entry table applied to each half of each byte.</summary>
    private static ushort NibbleCrc(ReadOnlySpan<byte> data)
    {
        ushort[] table = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];
        ushort crc = 0;
        foreach (var b in data)
        {
            var tmp = table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ table[b & 0xF]);
            tmp = table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ table[(b >> 4) & 0xF]);
        }

        return crc;
    }
}
