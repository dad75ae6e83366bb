namespace Reassess.Core.Decisions;

/// <summary>
/// When an option has paid for itself: the first point where its cumulative monthly savings reach its one-off cost,
/// linear within the month (month m plus the share of month m+1's saving still needed); 0 when the cost is not positive.
/// </summary>
public static class PaybackSearch
{
    /// <param name="savings">The saving of month 1, 2, … (as far as the search may go).</param>
    /// <param name="stopWhenNotPositive">
    /// True when a month that saves nothing can be followed only by months that save no more, so the search ends there.
    /// </param>
    public static decimal? Months(IEnumerable<decimal> savings, decimal cost, bool stopWhenNotPositive)
    {
        if (cost <= 0) return 0m;
        decimal cumulative = 0, month = 0;
        foreach (var saving in savings)
        {
            if (saving > 0 && cumulative + saving >= cost) return month + (cost - cumulative) / saving;
            if (saving <= 0 && stopWhenNotPositive) return null;
            cumulative += saving;
            month++;
        }

        return null;
    }
}
