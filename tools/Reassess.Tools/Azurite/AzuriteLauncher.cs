using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Reassess.Tools.Azurite;

/// <summary>
/// Starts Azurite (the storage emulator, installed from the repo's package.json) as a child process: installs it
/// with <c>npm ci</c> the first time, picks free ports unless told which, and returns once the blob and table
/// endpoints accept connections.
/// </summary>
public static class AzuriteLauncher
{
    private const int MaxAttempts = 3;

    public static async Task<AzuriteInstance> StartAsync(
        AzuriteOptions options, Action<string>? say = null, CancellationToken cancellationToken = default)
    {
        say ??= _ => { };
        var root = options.RepositoryRoot ?? RepositoryRoot.Find();
        var executable = await EnsureInstalledAsync(root, say, cancellationToken).ConfigureAwait(false);
        if (options.Location is not null) Directory.CreateDirectory(options.Location);

        // Free ports are found by binding and releasing them, so another process can take one in between; then
        // Azurite exits at once and a new set is tried.
        var portsChosen = options.BlobPort is null || options.QueuePort is null || options.TablePort is null;
        for (var attempt = 1; ; attempt++)
        {
            var blob = options.BlobPort ?? FreePort();
            var queue = options.QueuePort ?? FreePort();
            var table = options.TablePort ?? FreePort();
            try
            {
                return await LaunchAsync(executable, root, options, blob, queue, table, cancellationToken).ConfigureAwait(false);
            }
            catch (AzuriteExitedException) when (portsChosen && attempt < MaxAttempts)
            {
                say($"Azurite could not start on ports {blob}/{queue}/{table}; trying others.");
            }
        }
    }

    /// <summary>
    /// Returns the path of <c>node_modules/.bin/azurite</c>, running <c>npm ci</c> first when it is missing. An
    /// inter-process lock makes parallel test processes wait for one install instead of racing.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(string repositoryRoot, Action<string> say, CancellationToken cancellationToken = default)
    {
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (File.Exists(executable)) return executable;

        using var hold = await InterProcessLock.AcquireAsync(LockPath(repositoryRoot), TimeSpan.FromMinutes(10), say, cancellationToken)
            .ConfigureAwait(false);
        if (File.Exists(executable)) return executable; // another process installed it while we waited

        var command = File.Exists(Path.Combine(repositoryRoot, "package-lock.json")) ? "ci" : "install";
        say($"Azurite is not installed yet: running 'npm {command}' in {repositoryRoot} (once; needs the npm registry)...");
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { command, "--no-audit", "--no-fund" }) start.ArgumentList.Add(arg);

        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "npm was not found. Install Node.js 22 or later (Azurite 3.37 asks for it; it brings npm), then run 'npm ci' in " + repositoryRoot + ".", e);
        }

        using (npm)
        {
            npm.OutputDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) say("npm: " + e.Data); };
            npm.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) say("npm: " + e.Data); };
            npm.BeginOutputReadLine();
            npm.BeginErrorReadLine();
            await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (npm.ExitCode != 0 || !File.Exists(executable))
                throw new InvalidOperationException(
                    $"'npm {command}' in {repositoryRoot} failed (exit code {npm.ExitCode}); see the npm lines above. " +
                    "Fix the cause (network to the npm registry, Node.js 22+) and run it by hand.");
        }

        say("Azurite installed.");
        return executable;
    }

    private static async Task<AzuriteInstance> LaunchAsync(
        string executable, string root, AzuriteOptions options, int blob, int queue, int table, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var args = new List<string>
        {
            "--silent", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // In memory or in a folder, never both: Azurite refuses the combination.
        if (options.Location is null) args.Add("--inMemoryPersistence");
        else args.AddRange(["--location", options.Location]);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (options.NodeHeapMegabytes is { } heap)
            start.Environment["NODE_OPTIONS"] = $"--max-old-space-size={heap.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

        var output = new OutputTail();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new AzuriteInstance(process, blob, queue, table, options.Location);

        try
        {
            var deadline = DateTime.UtcNow + options.StartTimeout;
            while (!(await AcceptsAsync(blob, cancellationToken).ConfigureAwait(false) && await AcceptsAsync(table, cancellationToken).ConfigureAwait(false)))
            {
                if (process.HasExited)
                    throw new AzuriteExitedException(
                        $"Azurite exited with code {process.ExitCode} before opening ports {blob} (blob) and {table} (table). Its output:{Environment.NewLine}{output}");
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException(
                        $"Azurite did not open ports {blob} (blob) and {table} (table) within {options.StartTimeout.TotalSeconds:0} s. " +
                        $"Check 'node --version' (Azurite 3.37 asks for 22+) and run '{executable} --help' in {root}; or start Azurite yourself and set " +
                        $"AzureWebJobsStorage. Its output so far:{Environment.NewLine}{output}");
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            return instance;
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One lock per checkout, outside it so nothing new appears in the working tree.</summary>
    private static string LockPath(string repositoryRoot)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(repositoryRoot))))[..12];
        return Path.Combine(Path.GetTempPath(), $"reassess-npm-{hash}.lock");
    }

    private sealed class AzuriteExitedException(string message) : Exception(message);

    /// <summary>The last lines Azurite printed, shown when it fails to start.</summary>
    private sealed class OutputTail
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > 40) _lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (_lines) return _lines.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
