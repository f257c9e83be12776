using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: BenchmarkDotNet's generated project would re-resolve this registry's package graph without
// the ASP.NET Core shared framework and fail; the benchmarks measure I/O-bound work where isolation of
// the JIT across processes matters little.
if (args.Length > 0 && args[0] == "dashboard-load")
{
    return await Forma.Benchmarks.DashboardLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "page-load")
{
    return await Forma.Benchmarks.PageLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "fair-import-load")
{
    return await Forma.Benchmarks.FairImportLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "booking-load")
{
    return await Forma.Benchmarks.BookingLoad.RunAsync(args);
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());
BenchmarkSwitcher.FromAssembly(typeof(Forma.Benchmarks.JobQueueBenchmarks).Assembly).Run(args, config);
return 0;
