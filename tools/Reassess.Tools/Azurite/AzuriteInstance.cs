using System.Diagnostics;
using System.Runtime.InteropServices;
using Reassess.Storage.Configuration;

namespace Reassess.Tools.Azurite;

/// <summary>A running Azurite child process; disposing it stops Azurite and everything it started.</summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>Azurite's fixed development account key; public by design (documented by Microsoft), not a secret.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string DevelopmentAccountName = "devstoreaccount1";

    private readonly Process _process;
    private int _disposed;

    internal AzuriteInstance(Process process, int blobPort, int queuePort, int tablePort, string? location)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        Location = location;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>The data folder, or null when Azurite keeps its data in memory.</summary>
    public string? Location { get; }

    public int ProcessId => _process.Id;

    /// <summary>An explicit connection string for these ports (<c>UseDevelopmentStorage=true</c> only knows the default ones).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevelopmentAccountName};";

    /// <summary><paramref name="basedOn"/> (or the defaults) pointed at this Azurite.</summary>
    public StorageSettings Settings(StorageSettings? basedOn = null) =>
        (basedOn ?? new StorageSettings()) with
        {
            ConnectionString = ConnectionString,
            BlobServiceUri = null,
            TableServiceUri = null,
            Credential = null,
            ClientId = null,
        };

    /// <summary>
    /// Asks Azurite to stop (SIGTERM, so a data folder is flushed), then kills the process tree if it has not exited
    /// within a few seconds. Windows has no SIGTERM for a console child, so there it is killed at once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            if (_process.HasExited) return;
            if (!OperatingSystem.IsWindows() && Terminate(_process.Id, SigTerm) == 0)
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException)
                {
                    // Did not stop in time: kill below.
                }
            }

            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);
}
