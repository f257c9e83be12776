using System.Buffers.Binary;
using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

/// <summary>
/// Makes corrupted variants of a valid FIT file for the mutation test: random damage (bit flips, overwrites,
/// truncation) and targeted lies (header sizes, definition field sizes and counts, local types, chains).
/// Most variants get their CRCs recomputed, because a CRC mismatch would otherwise stop every one of them
/// before the message parser is reached.
/// </summary>
internal static class FitMutator
{
    public const int Kinds = 10;

    public static byte[] Mutate(byte[] source, int kind, Random random)
    {
        var file = (byte[])source.Clone();
        var messages = Messages(file);
        switch (kind)
        {
            case 0:
                for (var i = random.Next(1, 9); i > 0; i--)
                {
                    file[random.Next(file.Length)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1:
                for (var i = random.Next(1, 5); i > 0; i--)
                {
                    file[random.Next(file.Length)] = (byte)(random.Next(3) switch { 0 => 0xFF, 1 => 0, _ => random.Next(256) });
                }

                break;
            case 2:
                return file[..random.Next(file.Length)];
            case 3: // the header's data size lies
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), random.Next(2) == 0 ? (uint)random.NextInt64(uint.MaxValue) : (uint)(file.Length - 14 + random.Next(-40, 40)));
                break;
            case 4 when messages.Definitions.Count > 0: // a definition declares huge fields or many of them
                var at = messages.Definitions[random.Next(messages.Definitions.Count)];
                var fields = file[at + 5];
                if (fields > 0 && random.Next(2) == 0)
                {
                    file[at + 6 + (random.Next(fields) * 3) + 1] = (byte)(random.Next(2) == 0 ? 255 : random.Next(256));
                }
                else
                {
                    file[at + 5] = (byte)random.Next(256);
                }

                break;
            case 5 when messages.Data.Count > 0: // a data message names a local type nothing defined
                var data = messages.Data[random.Next(messages.Data.Count)];
                file[data] = (byte)((file[data] & 0xF0) | random.Next(16));
                break;
            case 6: // the header size lies
                file[0] = (byte)random.Next(256);
                break;
            case 7: // an endless chain: the file again and again, or empty headers
                return Chain(file, random);
            case 8 when messages.Definitions.Count > 0: // a definition turns another message into a record, or claims an odd architecture
                var definition = messages.Definitions[random.Next(messages.Definitions.Count)];
                if (random.Next(2) == 0)
                {
                    file[definition + 3] = 20;
                    file[definition + 4] = 0;
                }
                else
                {
                    file[definition + 2] = (byte)random.Next(256);
                }

                break;
            default: // developer-flag and compressed-header bits set at random on record headers
                foreach (var m in messages.Data.Concat(messages.Definitions).Where(_ => random.Next(20) == 0))
                {
                    file[m] ^= (byte)(random.Next(2) == 0 ? 0x20 : 0x80);
                }

                break;
        }

        if (random.Next(4) != 0)
        {
            FixCrcs(file);
        }

        return file;
    }

    private static byte[] Chain(byte[] file, Random random)
    {
        var output = new List<byte>(file);
        if (random.Next(2) == 0)
        {
            for (var i = 0; i < 20; i++)
            {
                output.AddRange(file);
            }
        }
        else
        {
            var empty = new FitFileWriter().Build(headerSize: random.Next(2) == 0 ? 12 : 14);
            for (var i = 0; i < 5000; i++)
            {
                output.AddRange(empty);
            }
        }

        return [.. output];
    }

    private static void FixCrcs(byte[] file)
    {
        if (file.Length < 14 || file[0] is not (12 or 14))
        {
            return;
        }

        if (file[0] == 14)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        }

        var end = file[0] + (long)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4));
        if (end + 2 <= file.Length)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan((int)end), FitCrc.Compute(file.AsSpan(0, (int)end)));
        }
    }

    /// <summary>Where the first file's definition and data messages start, found by a walk as simple as the format allows.</summary>
    private static (List<int> Definitions, List<int> Data) Messages(byte[] file)
    {
        var definitions = new List<int>();
        var data = new List<int>();
        var sizes = Enumerable.Repeat(-1, 16).ToArray();
        var end = Math.Min(file.Length - 2, file[0] + (long)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        var pos = (int)file[0];
        while (pos + 6 < end)
        {
            var header = file[pos];
            if ((header & 0xC0) == 0x40)
            {
                definitions.Add(pos);
                var fields = file[pos + 5];
                var size = 0;
                for (var i = 0; i < fields && pos + 8 + (i * 3) < end; i++)
                {
                    size += file[pos + 7 + (i * 3)];
                }

                var next = pos + 6 + (fields * 3);
                if ((header & 0x20) != 0 && next < end)
                {
                    for (var i = 0; i < file[next] && next + 3 + (i * 3) < end; i++)
                    {
                        size += file[next + 2 + (i * 3)];
                    }

                    next += 1 + (file[next] * 3);
                }

                sizes[header & 0x0F] = size;
                pos = next;
                continue;
            }

            var local = (header & 0x80) != 0 ? (header >> 5) & 3 : header & 0x0F;
            if (sizes[local] < 0)
            {
                break;
            }

            data.Add(pos);
            pos += 1 + sizes[local];
        }

        return (definitions, data);
    }
}
