using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Reassess.Api.Tests;

internal static class Http
{
    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => Json(JsonSerializer.Serialize(body));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>A problem+json answer: its media type, and the field and detail it names.</summary>
    public static async Task<(string Field, string Detail)> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        var field = problem.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "";
        return (field, problem.GetProperty("detail").GetString() ?? "");
    }

    public static MediaTypeHeaderValue? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
