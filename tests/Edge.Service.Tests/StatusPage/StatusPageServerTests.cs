using System.Net;
using Edge.Service.Configuration;
using Edge.Service.StatusPage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.StatusPage;

public sealed class StatusPageServerTests
{
    [Fact]
    public async Task Port_0_reports_the_port_actually_bound()
    {
        await using var host = await StatusPageHost.StartAsync();
        var address = Assert.Single(host.Server.Addresses);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal("/", address.AbsolutePath);
    }

    [Fact]
    public async Task A_port_already_taken_fails_the_start_and_leaves_the_other_page_running()
    {
        await using var first = await StatusPageHost.StartAsync();
        var taken = new StatusPageSettings { Address = "127.0.0.1", Port = first.Server.Addresses[0].Port };
        var password = StatusPagePassword.LoadOrCreate(Path.Combine(Path.GetTempPath(), "edge-statuspage-" + Guid.NewGuid().ToString("N")), TimeProvider.System);
        try
        {
            await Assert.ThrowsAnyAsync<IOException>(() => StatusPageServer.StartAsync(taken, first.Source, password,
                NullLoggerFactory.Instance, TimeProvider.System, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(password.ClearTextPath)!, recursive: true);
        }
        using var client = first.Admin();
        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task After_stop_nothing_listens_and_dispose_after_stop_is_harmless()
    {
        var host = await StatusPageHost.StartAsync();
        var address = host.Server.Addresses[0];
        await host.Server.StopAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/healthz", TestContext.Current.CancellationToken));
        await host.DisposeAsync();
    }
}
