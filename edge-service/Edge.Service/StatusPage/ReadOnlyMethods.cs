using Microsoft.AspNetCore.Http;

namespace Edge.Service.StatusPage;

/// <summary>The page only shows: GET and HEAD, anything else is 405 on every path.</summary>
internal sealed class ReadOnlyMethods(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("read-only: GET and HEAD only\n");
    }
}
