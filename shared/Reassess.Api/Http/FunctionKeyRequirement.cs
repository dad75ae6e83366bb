using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reassess.Api.Http;

/// <summary>
/// Puts a group of endpoints behind <see cref="FunctionKeyFilter"/> and marks them so, so the OpenAPI document asks
/// for the key on exactly the operations the filter guards.
/// </summary>
public static class FunctionKeyRequirement
{
    public static RouteGroupBuilder RequireFunctionKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<FunctionKeyFilter>()
            .WithMetadata(Marker.Instance)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    public static bool IsRequiredBy(IEnumerable<object> endpointMetadata) => endpointMetadata.OfType<Marker>().Any();

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}
