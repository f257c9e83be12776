namespace Forma.Formats.Fit;

/// <summary>
/// The base type of each record field the decoder reads (FIT SDK Profile.xlsx, Messages sheet, record), which
/// <see cref="FitRecordFields"/> does not need for reading but the encoder needs for writing. A test checks
/// that every field the decoder knows has its type here.
/// </summary>
internal static class FitRecordTypes
{
    private const byte Enum = 0x00;
    private const byte SInt8 = 0x01;
    private const byte UInt8 = 0x02;
    private const byte SInt16 = 0x83;
    private const byte UInt16 = 0x84;
    private const byte SInt32 = 0x85;
    private const byte UInt32 = 0x86;
    private const byte Float32 = 0x88;

    private static readonly byte?[] Types = Build();

    public static byte? Of(byte number) => Types[number];

    private static byte?[] Build()
    {
        var t = new byte?[256];
        (t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]) = (SInt32, SInt32, UInt16, UInt8, UInt8, UInt32, UInt16, UInt16);
        (t[9], t[10], t[11], t[12], t[13]) = (SInt16, UInt8, SInt32, UInt8, SInt8);
        (t[18], t[19], t[28], t[29]) = (UInt8, UInt32, UInt16, UInt32);
        (t[30], t[31], t[32], t[33]) = (UInt8, UInt8, SInt16, UInt16);
        (t[39], t[40], t[41], t[42]) = (UInt16, UInt16, UInt16, Enum);
        (t[43], t[44], t[45], t[46], t[47], t[48]) = (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8);
        (t[49], t[50], t[51], t[52], t[53]) = (Enum, UInt8, UInt16, UInt16, UInt8);
        (t[54], t[55], t[56], t[57], t[58], t[59]) = (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16);
        (t[62], t[67], t[68], t[73], t[78]) = (UInt8, SInt8, SInt8, UInt32, UInt32);
        (t[81], t[82], t[83], t[84], t[85], t[87]) = (UInt8, UInt16, UInt16, UInt16, UInt16, UInt16);
        (t[91], t[92], t[99], t[108]) = (UInt32, UInt32, UInt8, UInt16);
        (t[114], t[115], t[116], t[136], t[139]) = (Float32, Float32, UInt16, UInt8, UInt16);
        return t;
    }
}
