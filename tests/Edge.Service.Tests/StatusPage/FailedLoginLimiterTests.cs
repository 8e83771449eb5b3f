using System.Net;
using Edge.Service.StatusPage;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.StatusPage;

public sealed class FailedLoginLimiterTests
{
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private static readonly IPAddress s_guesser = IPAddress.Parse("192.168.1.66");
    private static readonly IPAddress s_admin = IPAddress.Parse("192.168.1.10");

    [Fact]
    public void The_tenth_failure_in_a_minute_locks_only_that_client()
    {
        var limiter = new FailedLoginLimiter(_time);
        for (var i = 0; i < 9; i++)
            limiter.Failed(s_guesser);
        Assert.Equal(TimeSpan.Zero, limiter.RetryAfter(s_guesser));
        limiter.Failed(s_guesser);
        Assert.Equal(FailedLoginLimiter.Window, limiter.RetryAfter(s_guesser));
        Assert.Equal(TimeSpan.Zero, limiter.RetryAfter(s_admin));
    }

    [Fact]
    public void Failures_spread_over_more_than_a_minute_do_not_lock()
    {
        var limiter = new FailedLoginLimiter(_time);
        for (var i = 0; i < 30; i++)
        {
            limiter.Failed(s_guesser);
            _time.Now += TimeSpan.FromSeconds(7);
            Assert.Equal(TimeSpan.Zero, limiter.RetryAfter(s_guesser));
        }
    }

    [Fact]
    public void An_ipv4_mapped_address_counts_as_the_ipv4_one()
    {
        var limiter = new FailedLoginLimiter(_time);
        for (var i = 0; i < 10; i++)
            limiter.Failed(i % 2 == 0 ? s_guesser : s_guesser.MapToIPv6());
        Assert.NotEqual(TimeSpan.Zero, limiter.RetryAfter(s_guesser));
    }

    [Fact]
    public void Beyond_its_capacity_new_clients_share_one_window_so_a_flood_of_addresses_is_still_limited()
    {
        var limiter = new FailedLoginLimiter(_time, capacity: 4);
        for (var client = 1; client <= 4; client++)
            limiter.Failed(IPAddress.Parse($"10.0.0.{client}"));
        for (var client = 5; client < 15; client++)
            limiter.Failed(IPAddress.Parse($"10.0.0.{client}"));
        Assert.NotEqual(TimeSpan.Zero, limiter.RetryAfter(IPAddress.Parse("10.0.0.200")));
        Assert.Equal(TimeSpan.Zero, limiter.RetryAfter(IPAddress.Parse("10.0.0.1")));

        _time.Now += FailedLoginLimiter.Window;
        Assert.Equal(TimeSpan.Zero, limiter.RetryAfter(IPAddress.Parse("10.0.0.200")));
        limiter.Failed(IPAddress.Parse("10.0.0.201"));
        Assert.Equal(TimeSpan.Zero, limiter.RetryAfter(IPAddress.Parse("10.0.0.202")));
    }
}
