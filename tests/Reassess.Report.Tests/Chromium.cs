using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reassess.Report.Tests;

/// <summary>
/// Headless Chromium driven over the Chrome DevTools Protocol: started with a fresh profile and
/// <c>--remote-debugging-port=0</c> on 127.0.0.1, the port read from the profile's <c>DevToolsActivePort</c> file, one
/// WebSocket to the browser, pages attached as flat sessions. Just enough of the protocol to open a page, evaluate an
/// expression, take a screenshot and print to PDF.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>The flags the report check runs with: no sandbox (containers), no GPU, nothing fetched from the network.</summary>
    public static readonly IReadOnlyList<string> Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
    ];

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly StringBuilder _stderr;
    private int _nextId;

    private Chromium(Process process, string profile, ClientWebSocket socket, StringBuilder stderr) =>
        (_process, _profile, _socket, _stderr) = (process, profile, socket, stderr);

    /// <summary>
    /// The browser to run: <c>$CHROMIUM</c> when set, else <c>chromium</c> (Debian), <c>chromium-browser</c>,
    /// <c>google-chrome</c> or <c>google-chrome-stable</c> on the PATH; null when there is none.
    /// </summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            foreach (var folder in path)
                if (File.Exists(Path.Combine(folder, name))) return Path.Combine(folder, name);
        return null;
    }

    public static async Task<Chromium> StartAsync(string executable)
    {
        var profile = Directory.CreateTempSubdirectory("reassess-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var flag in Flags) start.ArgumentList.Add(flag);
        start.ArgumentList.Add($"--user-data-dir={profile}");
        start.ArgumentList.Add("about:blank");

        var stderr = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            // Chromium writes the port it chose, and the browser's WebSocket path, once it listens.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(45);
            string[] lines = [];
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{executable} exited with {process.ExitCode} before listening:\n{stderr}");
                if (File.Exists(portFile) && (lines = (await File.ReadAllLinesAsync(portFile)).Where(l => l.Length > 0).ToArray()).Length >= 2) break;
                await Task.Delay(100);
            }

            if (lines.Length < 2) throw new TimeoutException($"{executable} did not open its DevTools port within 45 s:\n{stderr}");
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var connect = new CancellationTokenSource(CommandTimeout);
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{int.Parse(lines[0], CultureInfo.InvariantCulture)}{lines[1]}"), connect.Token);
            return new Chromium(process, profile, socket, stderr);
        }
        catch
        {
            Kill(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> in a new tab of <paramref name="width"/>×<paramref name="height"/> CSS pixels and waits until it has loaded.</summary>
    public async Task<string> OpenAsync(string url, int width, int height)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true });
        var session = attached["sessionId"]!.GetValue<string>();
        await SendAsync("Page.enable", null, session);
        await ViewportAsync(session, width, height);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, session);

        var deadline = DateTime.UtcNow + CommandTimeout;
        while (await EvaluateAsync<string>(session, "document.readyState") != "complete")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not finish loading within {CommandTimeout.TotalSeconds} s.");
            await Task.Delay(50);
        }

        return session;
    }

    public Task ViewportAsync(string session, int width, int height) =>
        SendAsync("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, session);

    /// <summary><c>screen</c> or <c>print</c>: which CSS media the page is laid out for.</summary>
    public Task MediaAsync(string session, string media) =>
        SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = media }, session);

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (JSON-compatible).</summary>
    public async Task<T?> EvaluateAsync<T>(string session, string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, session);
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException($"The page threw: {error.ToJsonString()}");
        var value = result["result"]?["value"];
        return value is null ? default : value.Deserialize<T>();
    }

    /// <summary>A PNG of the whole page, <paramref name="width"/> CSS pixels wide.</summary>
    public async Task<byte[]> ScreenshotAsync(string session, int width)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics", null, session);
        var height = (int)Math.Ceiling(metrics["cssContentSize"]!["height"]!.GetValue<double>());
        await ViewportAsync(session, width, height);
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, session);
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    /// <summary>The whole page as PNG tiles of at most <paramref name="tileHeight"/> CSS pixels, top to bottom (long pages are easier to look at in parts).</summary>
    public async Task<IReadOnlyList<byte[]>> ScreenshotTilesAsync(string session, int width, int tileHeight)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics", null, session);
        var height = (int)Math.Ceiling(metrics["cssContentSize"]!["height"]!.GetValue<double>());
        await ViewportAsync(session, width, height);
        var tiles = new List<byte[]>();
        for (var top = 0; top < height; top += tileHeight)
        {
            var clip = new JsonObject { ["x"] = 0, ["y"] = top, ["width"] = width, ["height"] = Math.Min(tileHeight, height - top), ["scale"] = 1 };
            var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip }, session);
            tiles.Add(Convert.FromBase64String(shot["data"]!.GetValue<string>()));
        }

        return tiles;
    }

    public async Task<byte[]> PrintToPdfAsync(string session)
    {
        var pdf = await SendAsync("Page.printToPDF", new JsonObject { ["printBackground"] = true, ["preferCSSPageSize"] = true }, session);
        return Convert.FromBase64String(pdf["data"]!.GetValue<string>());
    }

    /// <summary>Sends one command and reads messages (skipping events) until its answer.</summary>
    public async Task<JsonNode> SendAsync(string method, JsonObject? parameters, string? session = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null) message["sessionId"] = session;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);

        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, timeout.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    throw new InvalidOperationException($"Chromium closed the DevTools connection during {method}:\n{Stderr}");
                text.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var answer = JsonNode.Parse(text.ToArray())!;
            if (answer["id"]?.GetValue<int>() != id) continue; // an event, or another session's
            if (answer["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            return answer["result"] ?? new JsonObject();
        }
    }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var close = new JsonObject { ["id"] = Interlocked.Increment(ref _nextId), ["method"] = "Browser.close", ["params"] = new JsonObject() };
                await _socket.SendAsync(Encoding.UTF8.GetBytes(close.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Killed below.
        }
        finally
        {
            _socket.Dispose();
            Kill(_process);
            _process.Dispose();
            TryDelete(_profile);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
