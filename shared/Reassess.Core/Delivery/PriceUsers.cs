using Reassess.Core.Decisions;
using Reassess.Core.Prices;

namespace Reassess.Core.Delivery;

/// <summary>
/// Which teams a price touches: those with a workload whose baseline (the model it runs on) or candidate (the model it
/// would fine-tune to) is that model, as its latest assessment recorded them; for a source, those whose baseline or
/// candidate price came from it. Other roles (alternatives, training) do not change what the team runs today.
/// </summary>
internal sealed class PriceUsers
{
    private static readonly string[] Roles = [Reporting.ReportText.BaselineRole, "candidate"];

    private readonly Dictionary<string, SortedSet<string>> _byModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _bySource = new(StringComparer.OrdinalIgnoreCase);

    public static PriceUsers Of(IEnumerable<Assessment> assessments)
    {
        var users = new PriceUsers();
        foreach (var a in assessments.Where(a => a is not null))
        {
            var team = a.Team ?? "";
            foreach (var price in (a.Inputs?.Prices ?? []).Where(p => Roles.Contains(p.Role, StringComparer.OrdinalIgnoreCase)))
            {
                Add(users._byModel, Canonical(price.Key), team);
                Add(users._bySource, price.Source ?? "", team);
            }

            // Assessments stored without price inputs still name the two models among their options.
            foreach (var option in (a.Options ?? []).Where(o => o.Kind is OptionKind.Stay or OptionKind.FineTune))
                Add(users._byModel, Canonical(option.Model), team);
        }

        return users;
    }

    public IReadOnlyList<string> OfModel(string key) => _byModel.TryGetValue(Canonical(key), out var t) ? [.. t] : [];

    public IReadOnlyList<string> OfSource(string source) => _bySource.TryGetValue(source ?? "", out var t) ? [.. t] : [];

    private static string Canonical(string? key) =>
        PriceKey.TryParse(key, out var provider, out var model) ? PriceKey.For(provider, model) : (key ?? "").Trim().ToLowerInvariant();

    private static void Add(Dictionary<string, SortedSet<string>> index, string key, string team)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var teams)) index[key] = teams = new SortedSet<string>(StringComparer.Ordinal);
        teams.Add(team);
    }
}
