using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// Reads the teams file's <c>smtp</c> section. The password is resolved from the setting <c>passwordSetting</c> names
/// (<see cref="SmtpSettings.DefaultPasswordSetting"/> when it names none); an inline <c>password</c> is accepted for a
/// local file only. Any problem makes the section unusable, so e-mail channels are then reported and skipped.
/// </summary>
internal sealed class SmtpSection(IConfiguration configuration, Problems problems)
{
    public SmtpSettings? Read(JsonElement smtp)
    {
        if (smtp.ValueKind != JsonValueKind.Object)
        {
            problems.Add("smtp", "expected an object { \"host\", \"port\", \"from\", \"userName\", \"passwordSetting\", \"security\" }");
            return null;
        }

        problems.Unknown(smtp, "smtp", "host", "port", "from", "security", "userName", "password", "passwordSetting");
        var before = problems.All.Count;
        var host = JsonFields.Text(smtp, "host", "smtp", problems);
        if (host is null) problems.Add("smtp.host", "is required: the mail server's name, e.g. smtp.office365.com");
        var port = Port(smtp);
        var from = JsonFields.Text(smtp, "from", "smtp", problems);
        if (from is null || !ChannelReader.IsAddress(from))
            problems.Add("smtp.from", $"{(from is null ? "is required" : $"'{from}' is not an e-mail address")}: the sender, e.g. Reassess <reassess@example.com>");
        var security = SmtpSettings.DefaultSecurity(port);
        if (JsonFields.Text(smtp, "security", "smtp", problems) is { } securityText && !SmtpSettings.TryParseSecurity(securityText, out security))
            problems.Add("smtp.security", $"'{securityText}' is not one of starttls, ssl, none");
        var userName = JsonFields.Text(smtp, "userName", "smtp", problems);
        var password = userName is null ? null : Password(smtp, userName);
        if (problems.All.Count > before) return null;
        return new SmtpSettings(host!, port, from!, security, userName, password);
    }

    private int Port(JsonElement smtp)
    {
        if (!smtp.TryGetProperty("port", out var value)) return 587;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && port is > 0 and <= 65535) return port;
        problems.Add("smtp.port", "expected a whole number from 1 to 65535 (587 for STARTTLS, 465 for TLS)");
        return 587;
    }

    private string? Password(JsonElement smtp, string userName)
    {
        var inline = JsonFields.Text(smtp, "password", "smtp", problems);
        var setting = JsonFields.Text(smtp, "passwordSetting", "smtp", problems);
        if (inline is not null && setting is not null)
        {
            problems.Add("smtp", "has both \"password\" and \"passwordSetting\"; keep passwordSetting (the password is a secret)");
            return null;
        }

        if (inline is not null) return inline;
        setting ??= SmtpSettings.DefaultPasswordSetting;
        if (ConfiguredSecret.NameProblem(setting) is { } badName)
        {
            problems.Add("smtp.passwordSetting", badName);
            return null;
        }

        var password = ConfiguredSecret.Read(configuration, setting);
        if (password is null)
            problems.Add("smtp.passwordSetting", $"setting {setting} is not set; set it to the password of {userName} (in Azure, a Key Vault reference), or remove userName to send without signing in");
        return password;
    }
}
