namespace Reassess.Tools.Azurite;

/// <summary>
/// A lock held across processes through an exclusively opened file, so test processes started in parallel don't
/// run <c>npm ci</c> into the same <c>node_modules</c> at once. The OS releases it if the holder dies.
/// </summary>
internal sealed class InterProcessLock : IDisposable
{
    private readonly FileStream _file;

    private InterProcessLock(FileStream file) => _file = file;

    public static async Task<InterProcessLock> AcquireAsync(string path, TimeSpan timeout, Action<string> say, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var told = false;
        while (true)
        {
            try
            {
                return new InterProcessLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told) say($"Waiting for another process to finish installing Azurite (lock {path})...");
                told = true;
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalMinutes:0} min waiting for lock {path}; delete it if no install is running.", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
