using BenchmarkDotNet.Attributes;
using Forma.Formats.Fit;
using Forma.Testing;

namespace Forma.Benchmarks;

/// <summary>
/// FIT decoding to columnar streams on one core, on the record-heavy fixtures and on a 50 MB stream made
/// of the largest one chained ~70 times (FIT allows several files in one stream). Throughput is the file
/// size divided by the mean; the Allocated column bounds the decoder's peak managed memory.
/// </summary>
[MemoryDiagnoser]
public class FitDecodeBenchmarks
{
    private byte[] _file = [];

    [Params("fit/2019-02-17-062644-ELEMNT-297E-195-0.fit", "fit/garmin-edge-500-activity.fit", "chained-50MB")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Load()
    {
        if (File != "chained-50MB")
        {
            _file = System.IO.File.ReadAllBytes(SharedFixtures.Path(File));
            return;
        }

        var one = System.IO.File.ReadAllBytes(SharedFixtures.Path("fit/2019-02-17-062644-ELEMNT-297E-195-0.fit"));
        var copies = (int)Math.Ceiling(50.0 * 1024 * 1024 / one.Length);
        _file = new byte[one.Length * copies];
        for (var i = 0; i < copies; i++)
        {
            one.CopyTo(_file, i * one.Length);
        }
    }

    [Benchmark]
    public int Decode() => FitDecoder.Decode(_file).Streams.Count;
}
