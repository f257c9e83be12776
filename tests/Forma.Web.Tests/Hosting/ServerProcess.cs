using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Forma.Web.Tests.Hosting;

/// <summary>The built server started as its own process, exactly as an operator starts it, with its console captured.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    public ConcurrentQueue<string> Output { get; } = new();
    public int Port { get; }

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public static ServerProcess Start(params string[] arguments)
    {
        var port = FreePort();
        var process = Launch([.. arguments, $"--urls=http://127.0.0.1:{port}"]);
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) server.Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server.Output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs the server binary to completion (for commands such as <c>migrate</c>) and returns its exit code.</summary>
    public static async Task<int> RunToEndAsync(TimeSpan timeout, params string[] arguments)
    {
        using var process = Launch(arguments);
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static Process Launch(string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Forma.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
