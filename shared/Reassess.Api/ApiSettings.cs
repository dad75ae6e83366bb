using System.Globalization;
using Microsoft.Extensions.Configuration;
using Reassess.Pipeline;

namespace Reassess.Api;

/// <summary>HTTP settings (<c>Reassess__FunctionKeys</c>, <c>Reassess__MaxRequestBodyBytes</c>, <c>Reassess__ReassessWaitSeconds</c>).</summary>
public sealed record ApiSettings
{
    public const string FunctionKeysSetting = "Reassess__FunctionKeys";

    /// <summary>Accepted function keys; each entry may be <c>name=key</c> or just the key.</summary>
    public IReadOnlyList<string> FunctionKeys { get; init; } = [];

    public int MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How long an on-demand reassessment waits for a running one (timer or HTTP) before answering 409.</summary>
    public TimeSpan ReassessWait { get; init; } = TimeSpan.FromSeconds(30);

    public static ApiSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(PipelineSettings.Section);
        var keys = (section["FunctionKeys"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Contains('=') ? entry[(entry.IndexOf('=') + 1)..] : entry)
            .ToList();
        if (keys.Any(k => k.Length < 16))
            throw new PipelineConfigurationException($"Setting {FunctionKeysSetting} has a key shorter than 16 characters; use long random keys (e.g. openssl rand -base64 32).");

        return new ApiSettings
        {
            FunctionKeys = keys,
            MaxRequestBodyBytes = Whole(section, "MaxRequestBodyBytes", 1024 * 1024, 1024, 64 * 1024 * 1024),
            ReassessWait = TimeSpan.FromSeconds(Whole(section, "ReassessWaitSeconds", 30, 0, 3600)),
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
