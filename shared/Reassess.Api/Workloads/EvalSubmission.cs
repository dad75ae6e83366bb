using System.ComponentModel;

namespace Reassess.Api.Workloads;

/// <summary>
/// One eval point as <c>POST /api/workloads/{id}/evals</c> takes it (the columns of an eval drop file), stated as a
/// type for the API's OpenAPI document; the handler reads the body with the eval drop reader itself.
/// </summary>
public sealed record EvalSubmission(
    [property: Description("The UTC day the suite ran, yyyy-MM-dd.")]
    DateOnly Date,
    [property: Description("The eval suite's name.")]
    string Suite,
    [property: Description("The score, 0 to 100.")]
    decimal Score,
    [property: Description("The workload; may be left out, and must equal the id in the URL when given.")]
    string? Workload = null);
