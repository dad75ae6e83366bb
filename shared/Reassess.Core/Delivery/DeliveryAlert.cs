using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reassess.Core.Decisions;
using Reassess.Core.Prices;
using Reassess.Core.Reporting;

namespace Reassess.Core.Delivery;

public enum AlertKind
{
    VerdictFlip,
    SuspiciousPriceChange,
    StalePriceSource,
}

/// <summary>
/// Something a team hears about the day it happens rather than in next week's report. <see cref="Id"/> is a hash of
/// the kind, the event's key and the UTC day, so a rerun of the same day finds the same id and delivery can record it
/// once; a different event or another day gives another id.
/// </summary>
public abstract record DeliveryAlert
{
    public abstract AlertKind Kind { get; }

    /// <summary>The UTC day the event happened (or was found).</summary>
    public required DateOnly Day { get; init; }

    /// <summary>The teams it concerns, ordinal order, no repeats; empty when no workload is affected.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>What identifies the event within its kind and day.</summary>
    protected abstract string EventKey { get; }

    /// <summary><c>flip-20261123-3f0c…</c>: the kind, the day and 16 hex digits of SHA-256 over kind, event and day.</summary>
    public string Id
    {
        get
        {
            var day = Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind}\n{EventKey}\n{day}"));
            return $"{Slug}-{day}-{Convert.ToHexStringLower(hash)[..16]}";
        }
    }

    private string Slug => Kind switch
    {
        AlertKind.VerdictFlip => "flip",
        AlertKind.SuspiciousPriceChange => "price-change",
        _ => "stale-source",
    };

    public bool Touches(string team) => Teams.Contains(team ?? "", StringComparer.Ordinal);

    /// <summary>The alert of an on-demand reassessment whose verdict flipped; null when it did not.</summary>
    public static VerdictFlipAlert? FromReassessment(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Flip is null) return null;
        return new VerdictFlipAlert
        {
            Day = DateOnly.FromDateTime(assessment.AssessedAt.UtcDateTime),
            Teams = [assessment.Team ?? ""],
            Flip = FlipItem.Of(assessment),
        };
    }

    /// <summary>
    /// An alert per price change over 50% and per stale source of a refresh on <paramref name="day"/>, each with the
    /// teams whose workloads run on or would fine-tune to the model (for a stale source: use a price from it).
    /// Disagreements between sources stay in the weekly report: the price in force is still the first source's.
    /// </summary>
    public static IReadOnlyList<DeliveryAlert> FromPriceRefresh(PriceAlerts alerts, IEnumerable<Assessment> latest, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var teams = PriceUsers.Of(latest ?? []);
        return
        [
            .. alerts.SuspiciousChanges.Select(c => new PriceChangeAlert { Day = day, Change = c, Teams = teams.OfModel(c.Key) }),
            .. alerts.StaleSources.Select(s => new StaleSourceAlert { Day = day, Source = s, Teams = teams.OfSource(s.Source) }),
        ];
    }
}

/// <summary>A verdict flip found by an on-demand reassessment (the weekly run reports its flips in the digest).</summary>
public sealed record VerdictFlipAlert : DeliveryAlert
{
    public override AlertKind Kind => AlertKind.VerdictFlip;
    public required FlipItem Flip { get; init; }
    protected override string EventKey => $"{Flip.WorkloadId}\n{Flip.Previous}\n{Flip.Current}";
}

/// <summary>A stored price that moved by more than 50% at once: wrong prices look exactly like right ones.</summary>
public sealed record PriceChangeAlert : DeliveryAlert
{
    public override AlertKind Kind => AlertKind.SuspiciousPriceChange;
    public required SuspiciousPriceChange Change { get; init; }

    protected override string EventKey => string.Join('\n', Change.Key, Change.Price, Change.EffectiveFrom.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        Change.Before.ToString(CultureInfo.InvariantCulture), Change.After.ToString(CultureInfo.InvariantCulture));

    /// <summary>The change in the report's words (<c>+120.0%</c>), or <c>from $0</c> when there was no price before.</summary>
    public string ChangeText => Reporting.Html.PriceAlertsPart.Change(Change.ChangePct);
}

/// <summary>A price source whose prices in force are old, so verdicts built on them may be too.</summary>
public sealed record StaleSourceAlert : DeliveryAlert
{
    public override AlertKind Kind => AlertKind.StalePriceSource;
    public required StalePriceSource Source { get; init; }
    protected override string EventKey => $"{Source.Source}\n{ReportFormat.Date(Source.Since)}";
}
