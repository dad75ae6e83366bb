using Reassess.Hosting.Settings;

namespace Reassess.Contract.Tests.Support;

/// <summary>One disagreement between the catalog, the deployment and the local settings file.</summary>
public sealed record Discrepancy(string Setting, string Problem)
{
    public override string ToString() => $"{Setting}: {Problem}";
}

/// <summary>
/// Compares <see cref="SettingsCatalog"/> with the app settings of <c>infra/*.bicep</c> and with
/// <c>local.settings.example.json</c>: a setting on one side only is reported unless the catalog places it there
/// (with its reason); secrets must be Key Vault references in Azure and empty locally; local values and descriptions,
/// and the literal defaults the Bicep falls back to, must be the catalog's.
/// </summary>
public static class SettingsContract
{
    public const string Infra = "infra/";
    public const string Local = LocalSettingsFile.Path;

    public static IReadOnlyList<Discrepancy> Compare(
        IReadOnlyList<AppSetting> catalog, IReadOnlyList<BicepSetting> infra, LocalSettingsFile local)
    {
        var problems = new List<Discrepancy>();
        var byName = new Dictionary<string, AppSetting>(StringComparer.Ordinal);
        foreach (var setting in catalog)
            if (!byName.TryAdd(setting.Name, setting))
                problems.Add(new(setting.Name, "listed twice in SettingsCatalog"));

        foreach (var group in infra.GroupBy(s => s.Name).Where(g => g.Count() > 1))
            problems.Add(new(group.Key, $"set {group.Count()} times in {Infra} ({string.Join(", ", group.Select(s => $"{s.File}:{s.Line}"))})"));

        var inInfra = infra.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var (name, set) in inInfra.Where(i => !byName.ContainsKey(i.Key)))
            problems.Add(new(name, $"set in {set.File}:{set.Line} but not in SettingsCatalog; add it there (name, default, description, secret or not)"));
        foreach (var name in local.Values.Keys.Where(k => !byName.ContainsKey(k)))
            problems.Add(new(name, $"in {Local} but not in SettingsCatalog; add it there"));

        foreach (var setting in catalog.DistinctBy(s => s.Name))
        {
            inInfra.TryGetValue(setting.Name, out var deployed);
            var inLocal = local.Values.TryGetValue(setting.Name, out var localValue);

            if (setting.InAzure && deployed is null)
                problems.Add(new(setting.Name, $"missing from the app settings in {Infra}"));
            if (!setting.InAzure && deployed is not null)
                problems.Add(new(setting.Name, $"set in {deployed.File}:{deployed.Line}, but the catalog says {setting.Place}: {setting.PlaceReason}"));
            if (setting.InLocalSettings && !inLocal)
                problems.Add(new(setting.Name, $"missing from {Local} \"Values\" (expected \"{setting.ExampleValue}\")"));
            if (!setting.InLocalSettings && inLocal)
                problems.Add(new(setting.Name, $"in {Local}, but the catalog says {setting.Place}: {setting.PlaceReason}"));

            if (deployed is not null && setting.IsSecret && (setting.KeyVaultSecret is null || !deployed.IsKeyVaultReference(setting.KeyVaultSecret)))
                problems.Add(new(setting.Name, $"a secret, so its app setting must be @Microsoft.KeyVault(SecretUri=…/secrets/{setting.KeyVaultSecret ?? "<name>"}/), not {deployed.Value}"));
            if (deployed is not null && !setting.IsSecret && deployed.LiteralDefault is { } literal && literal != (setting.Default ?? ""))
                problems.Add(new(setting.Name, $"{deployed.File}:{deployed.Line} falls back to '{literal}' but the code's default is '{setting.Default}'"));

            if (inLocal && setting.IsSecret && localValue!.Length > 0)
                problems.Add(new(setting.Name, $"a secret with a value in {Local}; leave it empty"));
            else if (inLocal && localValue != setting.ExampleValue)
                problems.Add(new(setting.Name, $"{Local} has \"{localValue}\", the catalog \"{setting.ExampleValue}\""));
            if (inLocal && (!local.Descriptions.TryGetValue(setting.Name, out var description) || description != setting.Description))
                problems.Add(new(setting.Name, $"{Local} \"Descriptions\" must be the catalog's: \"{setting.Description}\""));
        }

        foreach (var name in local.Descriptions.Keys.Where(k => !local.Values.ContainsKey(k)))
            problems.Add(new(name, $"described in {Local} but not in its \"Values\""));

        return problems;
    }
}
