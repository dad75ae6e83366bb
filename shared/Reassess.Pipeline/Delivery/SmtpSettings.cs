namespace Reassess.Pipeline.Delivery;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587, the usual submission port).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl,

    /// <summary>No encryption: only for a local test server; never with a password over a network.</summary>
    None,
}

/// <summary>
/// The mail server e-mail deliveries go through (the teams file's <c>smtp</c> section). The password is a secret:
/// named by a setting (<see cref="DefaultPasswordSetting"/> unless the file names another) and resolved from
/// configuration, a Key Vault reference in Azure; <see cref="ToString"/> never shows it.
/// </summary>
public sealed class SmtpSettings(string host, int port, string from, SmtpSecurity security, string? userName, string? password)
{
    /// <summary>The setting the password is read from when the file names none.</summary>
    public const string DefaultPasswordSetting = "Reassess__SmtpPassword";

    public string Host { get; } = host;

    public int Port { get; } = port;

    /// <summary>The sender's address (<c>Reassess &lt;reassess@example.com&gt;</c> or a bare address).</summary>
    public string From { get; } = from;

    public SmtpSecurity Security { get; } = security;

    /// <summary>Authenticate as this user; null to send without authenticating (a relay that trusts the network).</summary>
    public string? UserName { get; } = userName;

    /// <summary>For signing in only: never shown by <see cref="ToString"/>, logged or kept in a result.</summary>
    public string? Password { get; } = password;

    /// <summary>The default for a port: TLS from the start on 465, STARTTLS on any other.</summary>
    public static SmtpSecurity DefaultSecurity(int port) => port == 465 ? SmtpSecurity.Ssl : SmtpSecurity.StartTls;

    public static bool TryParseSecurity(string? text, out SmtpSecurity security) =>
        Enum.TryParse(text, ignoreCase: true, out security) && Enum.IsDefined(security) && !int.TryParse(text, out _);

    public override string ToString() =>
        $"{Host}:{Port} ({Security.ToString().ToLowerInvariant()}{(UserName is null ? "" : $", as {UserName}")}) from {From}";
}
