using Reassess.Contract.Tests.Support;

namespace Reassess.Contract.Tests;

/// <summary>
/// No connection string with a key, account key, SAS token, instrumentation key, private key, password or API key is
/// committed: in <c>infra/</c>, <c>local.settings.example.json</c>, <c>azure.yaml</c>, <c>samples/</c>, or any committed
/// JSON, Bicep or YAML file. The planted cases show the scan finds each kind.
/// </summary>
public class NoSecretsTests
{
    private static readonly string[] ScannedExtensions = [".json", ".bicep", ".bicepparam", ".yaml", ".yml"];

    public static IReadOnlyList<string> ScannedFiles { get; } = Repo.CommittedFiles()
        .Where(f => f.StartsWith("infra/", StringComparison.Ordinal)
                    || f.StartsWith("samples/", StringComparison.Ordinal)
                    || f is LocalSettingsFile.Path or "azure.yaml"
                    || ScannedExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
        .ToList();

    [Fact]
    public void The_deployment_and_settings_files_are_scanned()
    {
        Assert.Contains("infra/main.bicep", ScannedFiles);
        Assert.Contains("infra/main.parameters.json", ScannedFiles);
        Assert.Contains("infra/modules/functionapp.bicep", ScannedFiles);
        Assert.Contains(LocalSettingsFile.Path, ScannedFiles);
        Assert.Contains("azure.yaml", ScannedFiles);
        Assert.Contains(ScannedFiles, f => f.StartsWith("samples/", StringComparison.Ordinal));
    }

    [Fact]
    public void No_committed_file_holds_a_secret()
    {
        var findings = new List<SecretFinding>();
        foreach (var file in ScannedFiles)
        {
            var text = File.ReadAllText(Repo.PathOf(file));
            if (text.Contains('\0')) continue; // binary
            findings.AddRange(SecretScanner.Scan(file, text));
        }

        Assert.True(findings.Count == 0,
            "Possible secrets in committed files (use a Key Vault reference or managed identity instead):\n  " + string.Join("\n  ", findings));
    }

    public static TheoryData<string, string> Planted => new()
    {
        { "storage connection string with a key", $"DefaultEndpointsProtocol=https;AccountName=reassess;AccountKey={Fake.Base64(64)};EndpointSuffix=core.windows.net" },
        { "account key", $"AccountName=reassess;AccountKey={Fake.Base64(64)}" },
        { "shared access signature", $"Endpoint=sb://reassess.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey={Fake.Base64(32)}" },
        { "SAS token", $"https://reassess.blob.core.windows.net/reports?sv=2022-11-02&sr=c&sp=rl&se=2030-01-01&sig={Uri.EscapeDataString(Fake.Base64(32))}" },
        { "instrumentation key", $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint=https://eastus2-3.in.applicationinsights.azure.com/" },
        { "private key", "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow" },
        { "password", "hunter2-is-not-a-password\", \"password\": \"hunter2" },
        { "password in a connection string", "Server=tcp:reassess.database.windows.net;User ID=app;Password=hunter2;" },
        { "provider API key", $"sk-admin-{Fake.Alphanumeric(48)}" },
        { "long base64 secret", Fake.Base64(33) },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void A_planted_secret_is_found_where_it_was_put(string rule, string secret)
    {
        var settings = Repo.Read(LocalSettingsFile.Path);
        var planted = settings.Replace("\"Reassess__OpenAiAdminKey\": \"\"", $"\"Reassess__OpenAiAdminKey\": \"{secret}\"", StringComparison.Ordinal);
        Assert.NotEqual(settings, planted);
        var line = 1 + planted[..planted.IndexOf(secret, StringComparison.Ordinal)].Count(c => c == '\n');

        var findings = SecretScanner.Scan(LocalSettingsFile.Path, planted);

        Assert.Contains(findings, f => f.Rule == rule && f.Line == line);
        Assert.All(findings, f => Assert.Equal(line, f.Line));
        Assert.DoesNotContain(findings, f => f.Excerpt.Contains(secret, StringComparison.Ordinal) && secret.Length > 12); // never echoed whole
    }

    [Theory]
    [InlineData("\"AzureWebJobsStorage\": \"UseDevelopmentStorage=true\"")]
    [InlineData("\"AzureWebJobsStorage\": \"UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1\"")]
    [InlineData("Reassess__OpenAiAdminKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/openai-admin-key/)'")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString")]
    [InlineData("storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'")]
    [InlineData("\"password\": \"\"")]
    [InlineData("https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json")]
    [InlineData("\"integrity\": \"sha512-Q2j7mbFfVXXWh1dFCNJwjvbzabuUAkCVqvFh1EobSgTJy3D1jxBT8i56z1zUtW1JSC6D0gJrnlBIVjCRPB9X8w==\"")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz")]
    public void What_is_not_a_secret_is_not_reported(string text)
    {
        Assert.Empty(SecretScanner.Scan("test", text));
    }

    private static class Fake
    {
        private static readonly Random Random = new(20261123);

        public static string Base64(int bytes)
        {
            var buffer = new byte[bytes];
            Random.NextBytes(buffer);
            var text = Convert.ToBase64String(buffer);
            // A key mixes cases and digits; make sure this one does, whatever the bytes were.
            return "Q7x" + text[3..];
        }

        public static string Alphanumeric(int length) =>
            new(Enumerable.Range(0, length).Select(i => "ABCdef0123456789xyzXYZ"[Random.Next(22)]).ToArray());
    }
}
