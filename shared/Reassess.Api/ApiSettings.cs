using System.Globalization;
using Microsoft.Extensions.Configuration;
using Reassess.Pipeline;

namespace Reassess.Api;

/// <summary>
/// HTTP settings (<c>Reassess__FunctionKeys</c>, <c>Reassess__MaxRequestBodyBytes</c>, <c>Reassess__ReassessWaitSeconds</c>,
/// <c>Reassess__ApiStorageTimeoutSeconds</c>).
/// </summary>
public sealed record ApiSettings
{
    public const string FunctionKeysSetting = "Reassess__FunctionKeys";

    /// <summary>
    /// The shortest key accepted: 32 random base64 characters carry 192 bits, past any guessing over the network
    /// (<c>openssl rand -base64 32</c> gives 44); a shorter key is usually a word or a pattern typed by hand.
    /// </summary>
    public const int MinKeyLength = 32;

    /// <summary>Accepted function keys; each entry may be <c>name=key</c> or just the key.</summary>
    public IReadOnlyList<string> FunctionKeys { get; init; } = [];

    public int MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How long an on-demand reassessment waits for a running one (timer or HTTP) before answering 409.</summary>
    public TimeSpan ReassessWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an API request may wait for storage before it is answered 503 (<see cref="Http.RequestDeadline"/>): the
    /// storage clients retry for about half a minute, which suits a job and not a person or a client waiting on a request.
    /// </summary>
    public TimeSpan StorageTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static ApiSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(PipelineSettings.Section);
        var entries = (section["FunctionKeys"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keys = new List<string>();
        for (var i = 0; i < entries.Length; i++)
        {
            // name=key, or a bare key: base64 keys end in '=' padding, which does not make what precedes it a name.
            var split = entries[i].IndexOf('=');
            var named = split > 0 && entries[i][(split + 1)..].TrimEnd('=').Length > 0;
            var key = named ? entries[i][(split + 1)..] : entries[i];
            // The message names the entry (its name, or its place in the list), never the key itself.
            var which = named ? $"key '{entries[i][..split]}'" : $"key {i + 1} of {entries.Length}";
            if (key.Length < MinKeyLength)
                throw new PipelineConfigurationException(
                    $"Setting {FunctionKeysSetting}: {which} is {key.Length} characters; a function key must be at least {MinKeyLength}. " +
                    "Make a random one with: openssl rand -base64 32");
            keys.Add(key);
        }

        return new ApiSettings
        {
            FunctionKeys = keys,
            MaxRequestBodyBytes = Whole(section, "MaxRequestBodyBytes", 1024 * 1024, 1024, 64 * 1024 * 1024),
            ReassessWait = TimeSpan.FromSeconds(Whole(section, "ReassessWaitSeconds", 30, 0, 3600)),
            StorageTimeout = TimeSpan.FromSeconds(Whole(section, "ApiStorageTimeoutSeconds", 5, 1, 300)),
        };
    }

    private static int Whole(IConfiguration section, string name, int fallback, int min, int max)
    {
        var text = section[name];
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        throw new PipelineConfigurationException($"Setting {PipelineSettings.Section}__{name} is '{text}'; expected a whole number from {min} to {max}.");
    }
}
