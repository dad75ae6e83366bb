using Microsoft.Extensions.Configuration;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// A secret the teams file names by setting rather than holds (a webhook URL, the SMTP password), read from
/// configuration: app settings (in Azure a Key Vault reference, resolved before the app sees it), local.settings.json
/// or the environment. The name is accepted as app settings spell it (sections joined by <c>__</c>) and as
/// configuration turns environment variables into sections (joined by <c>:</c>).
/// </summary>
public static class ConfiguredSecret
{
    /// <summary>The setting's value, or null when it is not set or blank.</summary>
    public static string? Read(IConfiguration configuration, string setting) =>
        Blank(configuration[setting]) ?? Blank(configuration[setting.Replace("__", ":", StringComparison.Ordinal)]);

    /// <summary>Why <paramref name="setting"/> cannot be a setting name, or null when it can.</summary>
    public static string? NameProblem(string setting) =>
        setting.Length is 0 or > 200 || !setting.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '.' or '-')
            ? "is not a setting name (letters, digits, '_', ':', '.' or '-', e.g. Reassess__SmtpPassword)"
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
