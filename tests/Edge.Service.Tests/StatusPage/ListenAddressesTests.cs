using System.Net;
using System.Net.NetworkInformation;
using Edge.Service.Configuration;
using Edge.Service.StatusPage;

namespace Edge.Service.Tests.StatusPage;

public sealed class ListenAddressesTests
{
    [Fact]
    public void An_interface_gives_each_of_its_addresses()
    {
        var addresses = ListenAddresses.OfInterface("lo", NetworkInterface.GetAllNetworkInterfaces());
        Assert.Contains(IPAddress.Loopback, addresses);
    }

    [Fact]
    public void No_interface_configured_means_the_configured_address()
    {
        var settings = new StatusPageSettings { Address = "127.0.0.1" };
        Assert.Equal([IPAddress.Loopback], ListenAddresses.Resolve(settings));
    }

    [Fact]
    public void A_missing_interface_is_an_error_naming_it()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            ListenAddresses.Resolve(new StatusPageSettings { Interface = "eth-nope9" }));
        Assert.Contains("'eth-nope9'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_a_missing_interface()
    {
        using var state = new Edge.Uplink.Tests.TestSupport.TempFolder();
        var password = StatusPagePassword.LoadOrCreate(state.Path, TimeProvider.System);
        var settings = new StatusPageSettings { Interface = "eth-nope9", Port = 0 };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StatusPageServer.StartAsync(settings,
            new FakeStatusSource(TestSnapshots.Monitoring()), password, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            TimeProvider.System, TestContext.Current.CancellationToken));
        Assert.Contains("eth-nope9", refused.Message, StringComparison.Ordinal);
    }
}
