using System.ComponentModel;

namespace Reassess.Api.OnDemand;

/// <summary>
/// The optional body of <c>POST /api/reassess</c> as <see cref="ReassessHandler"/> reads it; stated as a type for the
/// API's OpenAPI document. No body (or no <c>workloads</c>) reassesses every workload.
/// </summary>
public sealed record ReassessSelection(
    [property: Description("Ids of the workloads to reassess; all of them when left out.")]
    IReadOnlyList<string>? Workloads = null);
