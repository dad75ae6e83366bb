namespace Reassess.Core.Decisions;

/// <summary>
/// What format checks cost: a call whose output breaks the required format is retried, so an accepted outcome costs
/// <c>1/(1−v)</c> calls. With the baseline's rate <c>v_b</c> (violations over checked outputs in the window, 0 when
/// nothing was checked), an option with rate <c>v_o</c> makes <c>q_o = (1−v_b)/(1−v_o)</c> calls for each baseline
/// call, so every option can be priced per baseline call (<c>cost·q</c>) and per accepted outcome (<c>cost/(1−v)</c>).
/// </summary>
public readonly record struct Acceptance(decimal BaselineRate)
{
    public static Acceptance Of(Usage.UsageWindow window) =>
        new(window.FormatChecked > 0 ? (decimal)window.FormatViolations / window.FormatChecked : 0m);

    /// <summary>q_o: an option's calls for each baseline call.</summary>
    public decimal CallsPerBaselineCall(decimal optionRate) => (1 - BaselineRate) / (1 - optionRate);

    /// <summary>cost / (1−v): what one accepted outcome costs at a per-call cost and violation rate.</summary>
    public static decimal PerAcceptedOutcome(decimal costPerCall, decimal rate) => costPerCall / (1 - rate);
}
