namespace Forma.Formats.Fit;

/// <summary>
/// A definition message: the layout of the data messages that follow under one local type. Offsets are
/// computed once here so that reading a field is an index, not a walk over the fields before it.
/// </summary>
internal sealed class FitDefinition
{
    public FitDefinition(ushort globalNumber, bool bigEndian, int fieldCount, int developerFieldCount, byte[] layout)
    {
        Layout = layout;
        GlobalNumber = globalNumber;
        BigEndian = bigEndian;
        FieldNumbers = new byte[fieldCount];
        FieldSizes = new byte[fieldCount];
        BaseTypes = new byte[fieldCount];
        Offsets = new int[fieldCount];
        DeveloperFields = new FitDeveloperFieldRef[developerFieldCount];
    }

    /// <summary>The definition message's bytes after its header byte, to recognise the same definition sent again.</summary>
    public byte[] Layout { get; }

    public ushort GlobalNumber { get; }
    public bool BigEndian { get; }
    public byte[] FieldNumbers { get; }
    public byte[] FieldSizes { get; }

    /// <summary>The declared base type, or <see cref="FitBaseType.Byte"/> where the size is not a whole number of elements.</summary>
    public byte[] BaseTypes { get; }
    public int[] Offsets { get; }
    public FitDeveloperFieldRef[] DeveloperFields { get; }

    /// <summary>Bytes of one data message after its header byte.</summary>
    public int Size { get; private set; }

    /// <summary>Offset of the timestamp field (253) when it is a readable uint32, else -1.</summary>
    public int TimestampOffset { get; private set; } = -1;

    /// <summary>The record decoder's plan for this layout, built on first use.</summary>
    public FitRecordPlan? RecordPlan { get; set; }

    public void SetField(int i, byte number, byte size, byte baseType)
    {
        FieldNumbers[i] = number;
        FieldSizes[i] = size;

        // A size that is not a whole number of elements (seen from a COROS PACE 2) is kept as opaque bytes
        // rather than failing the file, as lenient decoders do: the neighbouring fields still line up.
        var elementSize = FitBaseType.Size(baseType);
        var usable = FitBaseType.IsKnown(baseType) && size >= elementSize && size % elementSize == 0;
        BaseTypes[i] = usable ? baseType : FitBaseType.Byte;
        Offsets[i] = Size;
        Size += size;
        if (number == 253 && usable && elementSize == 4 && (baseType & 0x1F) == 6)
        {
            TimestampOffset = Offsets[i];
        }
    }

    public void SetDeveloperField(int i, byte number, byte size, byte developerIndex)
    {
        DeveloperFields[i] = new FitDeveloperFieldRef(number, size, developerIndex, Size);
        Size += size;
    }

    public int IndexOf(byte fieldNumber) => Array.IndexOf(FieldNumbers, fieldNumber);
}

/// <summary>A developer field as a definition lays it out; its meaning comes from a field_description message.</summary>
internal readonly record struct FitDeveloperFieldRef(byte Number, byte Size, byte DeveloperIndex, int Offset);
