using Microsoft.AspNetCore.Http;

namespace Reassess.Api.Http;

/// <summary>
/// Reads a request body up to the configured limit. Done here rather than by the server so that the limit holds the
/// same behind Kestrel, the Functions host and the test server, and so the answer is a 413 that says what to do.
/// </summary>
public static class RequestBody
{
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        // A slow upload is not slow storage: the request's storage deadline waits while the body comes in.
        using var paused = RequestDeadline.Pause(request.HttpContext);

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
