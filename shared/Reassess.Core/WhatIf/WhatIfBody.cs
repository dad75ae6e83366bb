using System.ComponentModel;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Core.WhatIf;

/// <summary>
/// The shape of a what-if as <see cref="WhatIfRequest"/> reads it. The reader takes the JSON apart member by member so
/// that each problem names its place; this record states the same members as types, for the API's OpenAPI document.
/// </summary>
public sealed record WhatIfBody(
    [property: Description("The workload to assess, as stored by PUT /api/workloads/{id}.")]
    Workload Workload,
    [property: Description("Prices to assume, by price key provider/model (e.g. openai/gpt-4o-mini), in dollars per million tokens or per hour.")]
    IReadOnlyDictionary<string, WhatIfPrice> Prices,
    [property: Description("The usage to assume: token and call totals over the window's days. evalScores are numbers one week apart, oldest first, or {date, score} points.")]
    UsageWindow Window);
