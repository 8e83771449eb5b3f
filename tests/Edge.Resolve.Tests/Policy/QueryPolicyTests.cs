using System.Net;
using System.Text;
using Edge.Detect.Intel;
using Edge.Resolve.Policy;
using Edge.Resolve.Tests.TestSupport;
using Edge.Watch.Net;

namespace Edge.Resolve.Tests.Policy;

public class QueryPolicyTests
{
    private static readonly IntelList Phishing = new("feed", IntelCategories.Phishing);
    private static readonly IntelList Doh = new("doh", IntelCategories.Doh);
    private static readonly IntelList Benign = new("benign", IntelCategories.Benign);
    private static readonly IntelList Protected = new("agency", IntelCategories.TyposquatProtected);
    private static readonly IpAddr Client = IpAddr.Parse("10.77.0.10");

    private static PolicyAction Decide(IntelSnapshot intel, string name, ResolverOptions? options = null, IntelSnapshot? allow = null, IpAddr? client = null)
    {
        var allowed = allow ?? IntelSnapshot.Empty;
        var policy = new QueryPolicy(options ?? new ResolverOptions(), () => intel, () => allowed);
        return policy.Decide(Encoding.ASCII.GetBytes(name), client ?? Client).Action;
    }

    [Fact]
    public void Plain_lists_block_names_and_subdomains_per_the_configured_answer()
    {
        var intel = Resolvers.Snapshot(("evil.example", Phishing));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "evil.example"));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "a.b.evil.example"));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "notevil.example"));
        Assert.Equal(PolicyAction.NoData, Decide(intel, "evil.example", new ResolverOptions { BlockAnswer = BlockAnswer.NoData }));
        Assert.Equal(PolicyAction.BlockPage, Decide(intel, "evil.example", new ResolverOptions { BlockAnswer = BlockAnswer.BlockPage }));
    }

    [Fact]
    public void Only_block_categories_block()
    {
        var intel = Resolvers.Snapshot(("dns.resolver.example", Doh), ("custom.example", new IntelList("x", "adware")));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "dns.resolver.example"));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "custom.example"));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "custom.example", new ResolverOptions { BlockCategories = ["adware"] }));
    }

    [Fact]
    public void Benign_and_protected_names_pass_even_under_a_blocked_parent()
    {
        var intel = Resolvers.Snapshot(("evil.example", Phishing), ("ok.evil.example", Benign), ("gov.example", Protected));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "www.ok.evil.example"));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "mail.gov.example"));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "bad.evil.example"));
    }

    [Fact]
    public void The_allow_snapshot_wins_over_everything()
    {
        var intel = Resolvers.Snapshot(("evil.example", new IntelList("rpz", IntelCategories.Phishing, IntelAction.Drop)));
        var allow = Resolvers.Snapshot(("evil.example", new IntelList("allow", IntelCategories.Benign)));
        Assert.Equal(PolicyAction.Drop, Decide(intel, "evil.example"));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "evil.example", allow: allow));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "x.evil.example", allow: allow));
    }

    [Fact]
    public void Kill_switch_domains_are_never_blocked()
    {
        var killSwitch = "iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea.com";
        var intel = Resolvers.Snapshot((killSwitch, new IntelList("feed", IntelCategories.Malware)), ("com", Phishing));
        Assert.Equal(PolicyAction.Pass, Decide(intel, killSwitch));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "other.com"));
    }

    [Theory]
    [InlineData(IntelAction.NxDomain, PolicyAction.NxDomain)]
    [InlineData(IntelAction.NoData, PolicyAction.NoData)]
    [InlineData(IntelAction.PassThru, PolicyAction.Pass)]
    [InlineData(IntelAction.Drop, PolicyAction.Drop)]
    [InlineData(IntelAction.LocalData, PolicyAction.LocalData)]
    public void Rpz_lists_act_by_their_action_whatever_their_category(IntelAction action, PolicyAction expected)
    {
        var intel = Resolvers.Snapshot(("rpz.example", new IntelList("zone.rpz", "adware", action, localData: [IPAddress.Parse("192.0.2.7")])));
        Assert.Equal(expected, Decide(intel, "rpz.example"));
    }

    [Fact]
    public void Rpz_passthru_inside_a_blocked_zone_passes()
    {
        var intel = Resolvers.Snapshot(("evil.example", new IntelList("z", IntelCategories.Malware, IntelAction.NxDomain)),
            ("ok.evil.example", new IntelList("z2", IntelCategories.Malware, IntelAction.PassThru)));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "ok.evil.example"));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "bad.evil.example"));
    }

    [Fact]
    public void Exact_scope_covers_only_the_name_and_subdomains_scope_only_names_under_it()
    {
        var intel = Resolvers.Snapshot(("exact.example", new IntelList("z", "x", IntelAction.NxDomain, IntelScope.Exact)),
            ("wild.example", new IntelList("z", "x", IntelAction.NoData, IntelScope.Subdomains)));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "exact.example"));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "a.exact.example"));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "wild.example"));
        Assert.Equal(PolicyAction.NoData, Decide(intel, "a.b.wild.example"));
    }

    [Fact]
    public void A_parent_wildcard_applies_below_an_exact_entry()
    {
        var intel = Resolvers.Snapshot(("a.evil.example", new IntelList("z", "x", IntelAction.NoData, IntelScope.Exact)),
            ("evil.example", new IntelList("z", "x", IntelAction.NxDomain, IntelScope.Subdomains)));
        Assert.Equal(PolicyAction.NoData, Decide(intel, "a.evil.example"));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "b.a.evil.example"));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "evil.example"));
    }

    [Fact]
    public void Client_exceptions_pass_their_names_for_their_clients_only()
    {
        var intel = Resolvers.Snapshot(("evil.example", Phishing), ("worse.example", Phishing));
        var options = new ResolverOptions
        {
            ClientExceptions = [new ClientException { Clients = ["10.77.0.0/28", "2001:db8:77::/64"], Names = ["evil.example"] }],
        };
        Assert.Equal(PolicyAction.Pass, Decide(intel, "evil.example", options, client: IpAddr.Parse("10.77.0.10")));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "www.evil.example", options, client: IpAddr.Parse("2001:db8:77::5")));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "evil.example", options, client: IpAddr.Parse("::ffff:10.77.0.3")));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "worse.example", options, client: IpAddr.Parse("10.77.0.10")));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "evil.example", options, client: IpAddr.Parse("10.77.0.16")));
    }

    [Fact]
    public void A_client_exception_without_names_exempts_the_client_entirely()
    {
        var intel = Resolvers.Snapshot(("evil.example", Phishing), ("drop.example", new IntelList("z", "x", IntelAction.Drop)));
        var options = new ResolverOptions { ClientExceptions = [new ClientException { Clients = ["10.77.0.99"] }] };
        Assert.Equal(PolicyAction.Pass, Decide(intel, "evil.example", options, client: IpAddr.Parse("10.77.0.99")));
        Assert.Equal(PolicyAction.Pass, Decide(intel, "drop.example", options, client: IpAddr.Parse("10.77.0.99")));
        Assert.Equal(PolicyAction.NxDomain, Decide(intel, "evil.example", options, client: IpAddr.Parse("10.77.0.98")));
    }

    [Fact]
    public void A_snapshot_swap_applies_to_the_next_query()
    {
        var holder = new IntelHolder(IntelSnapshot.Empty);
        var policy = new QueryPolicy(new ResolverOptions(), () => holder.Current, () => IntelSnapshot.Empty);
        var name = "evil.example"u8.ToArray();
        Assert.Equal(PolicyAction.Pass, policy.Decide(name, Client).Action);
        holder.Swap(Resolvers.Snapshot(("evil.example", Phishing)));
        Assert.Equal(PolicyAction.NxDomain, policy.Decide(name, Client).Action);
    }
}
