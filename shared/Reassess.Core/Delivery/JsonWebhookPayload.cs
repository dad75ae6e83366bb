using System.Globalization;
using System.Text;
using System.Text.Json;
using Reassess.Core.Reporting;
using Reassess.Core.Time;

namespace Reassess.Core.Delivery;

/// <summary>
/// The body of a generic JSON webhook, schema <see cref="Schema"/> (docs/delivery.md): for a receiver that builds its
/// own message, so it carries figures rather than sentences — counts, money as JSON numbers to the cent, verdicts by
/// their API names, the week as <c>yyyy-Www</c>, instants in UTC. Every list is complete: a program has no screen to fill.
/// A field is only ever added in v1; a change of meaning makes a new version.
/// </summary>
public static class JsonWebhookPayload
{
    public const string Schema = "reassess.delivery/v1";
    public const string ContentType = "application/json";

    public static string Render(TeamDigest d) => Write("weekly", d.Week, d.AsOf, w =>
    {
        w.WriteString("team", d.Team);
        Totals(w, d.Totals);
        Array(w, "flips", d.Flips, f => Flip(w, f));
        Array(w, "actions", d.Actions, a =>
        {
            Workload(w, a.WorkloadId, a.WorkloadName);
            w.WriteString("verdict", ReportText.VerdictName(a.Verdict));
            w.WriteString("action", a.Action);
            Money(w, "horizonNet", a.HorizonNet);
            w.WriteNumber("horizonMonths", a.HorizonMonths);
            Money(w, "monthlyNetSavings", a.MonthlyNetSavings);
            Number(w, "paybackMonths", a.PaybackMonths is { } p ? decimal.Round(p, 1, MidpointRounding.AwayFromZero) : null);
            w.WriteBoolean("fragile", a.Fragile is not null);
        });
        Array(w, "fragile", d.Fragile, f =>
        {
            Workload(w, f.WorkloadId, f.WorkloadName);
            w.WriteString("verdict", ReportText.VerdictName(f.Verdict));
            w.WriteString("margin", f.Margin);
        });
        Array(w, "evidenceGaps", d.EvidenceGaps, g =>
        {
            Workload(w, g.WorkloadId, g.WorkloadName);
            Strings(w, "gaps", g.Gaps);
        });
        Links(w, d.ReportLink, null);
    });

    public static string Render(FinanceDigest d) => Write("finance", d.Week, d.AsOf, w =>
    {
        Totals(w, d.Totals);
        w.WriteString("spendTrendSummary", d.SpendTrendSummary);
        Array(w, "spendTrend", d.SpendTrend, s =>
        {
            w.WriteString("week", s.Week.ToString());
            Number(w, "monthlySpend", s.MonthlySpend is { } m ? Cents(m) : null);
        });
        Array(w, "teams", d.Teams, t =>
        {
            w.WriteString("team", t.Team);
            Totals(w, t.Totals);
        });
        Links(w, d.ReportLink, d.FinanceCsvLink);
    });

    /// <param name="link">The report (or assessment) to read more in; null for none.</param>
    public static string Render(DeliveryAlert alert, Uri? link) =>
        Write("alert", IsoWeek.Of(alert.Day), new DateTimeOffset(alert.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), w =>
        {
            w.WriteStartObject("alert");
            JsonWebhookAlert.Write(w, alert);
            w.WriteEndObject();
            Links(w, link, null);
        });

    /// <summary>Money to the cent, always with two decimals (<c>1500.00</c>), so a receiver never sees a float's error.</summary>
    internal static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    internal static void Money(Utf8JsonWriter w, string name, decimal amount) => w.WriteNumber(name, Cents(amount));

    internal static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    internal static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    internal static void Workload(Utf8JsonWriter w, string id, string name)
    {
        w.WriteString("workloadId", id);
        w.WriteString("workloadName", name);
    }

    internal static void Flip(Utf8JsonWriter w, FlipItem f)
    {
        Workload(w, f.WorkloadId, f.WorkloadName);
        w.WriteString("previousVerdict", ReportText.VerdictName(f.Previous));
        w.WriteString("verdict", ReportText.VerdictName(f.Current));
        Strings(w, "drivers", f.Drivers);
        w.WriteBoolean("fragile", f.Fragile is not null);
    }

    private static string Write(string kind, IsoWeek week, DateTimeOffset asOf, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("kind", kind);
            w.WriteString("week", week.ToString());
            w.WriteString("asOf", asOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Totals(Utf8JsonWriter w, ReportTotals t)
    {
        w.WriteStartObject("counts");
        w.WriteNumber("workloads", t.Workloads);
        foreach (var c in VerdictCount.Of(t)) w.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(ReportText.VerdictName(c.Verdict)), c.Count);
        w.WriteNumber("flips", t.Flips);
        w.WriteEndObject();
        w.WriteStartObject("money");
        Money(w, "baselineMonthlyCost", t.BaselineMonthlyCost);
        Money(w, "projectedMonthlySavings", t.ProjectedMonthlySavings);
        Money(w, "chosenMonthlyNetSavings", t.ChosenMonthlyNetSavings);
        Money(w, "chosenHorizonNet", t.ChosenHorizonNet);
        w.WriteEndObject();
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> item)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStartObject();
            item(i);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Links(Utf8JsonWriter w, Uri? report, Uri? financeCsv)
    {
        w.WriteStartObject("links");
        if (report is null) w.WriteNull("report");
        else w.WriteString("report", report.AbsoluteUri);
        if (financeCsv is null) w.WriteNull("financeCsv");
        else w.WriteString("financeCsv", financeCsv.AbsoluteUri);
        w.WriteEndObject();
    }
}
