// Writes the LargeApi fixture's tool sources: 40 cloud resource types x 13 operations = 520 [McpTool]
// methods, one file per resource type under Resources/ (<Type>Tools.cs). The records, enums and canned
// answers they share live in Resources/Shared.cs, which is maintained by hand: this script neither writes
// nor deletes it, so edit it directly (a new type the tables below use belongs there).
// The output is deterministic and checked in; regenerate after editing the tables below with
//
//     cd tests/Fixtures/McpPlatform.Fixtures.LargeApi && dotnet run --file Generate.cs
//
// (the project excludes this file from its own compilation).
using System.Globalization;
using System.Text;

var folder = Path.Combine(Directory.GetCurrentDirectory(), "Resources");
const string HandMaintained = "Shared.cs";
if (!File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "McpPlatform.Fixtures.LargeApi.csproj")))
{
    Console.Error.WriteLine("Run this from tests/Fixtures/McpPlatform.Fixtures.LargeApi.");
    return 1;
}

if (Directory.Exists(folder))
{
    foreach (var old in Directory.GetFiles(folder, "*.cs").Where(f => Path.GetFileName(f) != HandMaintained))
    {
        File.Delete(old);
    }
}

Directory.CreateDirectory(folder);
foreach (var resource in Catalog.Resources)
{
    File.WriteAllText(Path.Combine(folder, resource.Type + "Tools.cs"), ResourceWriter.Write(resource));
}

Console.WriteLine($"Wrote {Catalog.Resources.Length} resource types x {ResourceWriter.OperationCount} operations = {Catalog.Resources.Length * ResourceWriter.OperationCount} tools to {folder}.");
return 0;

/// <summary>One property of a resource type beyond the common ones.</summary>
internal sealed record Field(string Name, string Type, string Description, string Sample);

/// <summary>A resource type: its C# name, words for descriptions, its API area and its own fields.</summary>
internal sealed record Resource(string Type, string Singular, string Plural, string Area, string About, Field[] Fields)
{
    public string PluralType => string.Concat(Plural.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}

internal static class Catalog
{
    private static Field S(string name, string description, string sample) => new(name, "string", description, $"\"{sample}\"");

    private static Field I(string name, string description, int sample) => new(name, "int", description, sample.ToString(CultureInfo.InvariantCulture));

    private static Field L(string name, string description, long sample) => new(name, "long", description, sample.ToString(CultureInfo.InvariantCulture) + "L");

    private static Field B(string name, string description, bool sample) => new(name, "bool", description, sample ? "true" : "false");

    public static readonly Resource[] Resources =
    [
        new("VirtualMachine", "virtual machine", "virtual machines", "compute", "A virtual machine runs workloads on managed hardware.",
            [S("MachineType", "The machine type, e.g. standard-4 (4 vCPUs, 16 GB).", "standard-4"), S("BootImage", "The image the boot disk was created from.", "debian-12"), I("DiskCount", "How many disks are attached.", 2), B("DeletionProtection", "Whether the machine refuses deletion.", false)]),
        new("Disk", "disk", "disks", "compute", "A persistent block storage volume that virtual machines attach.",
            [I("SizeGb", "The size in GB.", 100), S("DiskType", "The disk type: standard, balanced or ssd.", "balanced"), S("AttachedTo", "The virtual machine it is attached to, if any.", "vm-1"), I("Iops", "Provisioned I/O operations per second.", 3000)]),
        new("Snapshot", "snapshot", "snapshots", "compute", "A point-in-time copy of a disk.",
            [S("SourceDisk", "The disk the snapshot was taken from.", "disk-1"), L("StorageBytes", "The bytes the snapshot occupies.", 5368709120L), B("Incremental", "Whether it stores only changes since the previous snapshot.", true)]),
        new("Image", "image", "images", "compute", "A boot image that new virtual machines and disks start from.",
            [S("Family", "The image family, e.g. debian-12.", "debian-12"), S("SourceSnapshot", "The snapshot the image was built from.", "snap-1"), L("ArchiveSizeBytes", "The size of the image archive.", 2147483648L), B("Deprecated", "Whether new uses are discouraged.", false)]),
        new("InstanceTemplate", "instance template", "instance templates", "compute", "A reusable machine configuration that instance groups create machines from.",
            [S("MachineType", "The machine type of created machines.", "standard-2"), S("BootImage", "The boot image of created machines.", "debian-12"), S("StartupScript", "A script run at first boot.", "#!/bin/sh")]),
        new("InstanceGroup", "instance group", "instance groups", "compute", "A managed set of identical virtual machines created from an instance template.",
            [S("Template", "The instance template the machines are created from.", "tmpl-1"), I("TargetSize", "How many machines the group keeps running.", 3), B("Autoscaling", "Whether the size follows load.", true), I("MaxSize", "The autoscaler's upper bound.", 10)]),
        new("Network", "network", "networks", "network", "A private virtual network that subnets, firewall rules and routers belong to.",
            [S("RoutingMode", "Regional or global dynamic routing.", "regional"), I("Mtu", "The maximum transmission unit in bytes.", 1460), B("AutoCreateSubnets", "Whether a subnet is created in every region.", false)]),
        new("Subnet", "subnet", "subnets", "network", "An IP range within a network in one region.",
            [S("Network", "The network the subnet belongs to.", "net-1"), S("IpCidrRange", "The primary IPv4 range, e.g. 10.0.0.0/24.", "10.0.0.0/24"), B("PrivateAccess", "Whether machines without public IPs reach managed services.", true)]),
        new("FirewallRule", "firewall rule", "firewall rules", "network", "A rule that allows or denies traffic to machines in a network.",
            [S("Network", "The network the rule applies to.", "net-1"), S("Direction", "ingress or egress.", "ingress"), S("Action", "allow or deny.", "allow"), S("Ports", "The protocols and ports, e.g. tcp:443.", "tcp:443"), I("Priority", "Lower numbers win (0-65535).", 1000)]),
        new("Router", "router", "routers", "network", "A cloud router that exchanges routes with on-premises networks over BGP.",
            [S("Network", "The network the router serves.", "net-1"), I("Asn", "The router's BGP autonomous system number.", 64512), B("NatEnabled", "Whether it translates outbound addresses.", true)]),
        new("VpnGateway", "VPN gateway", "VPN gateways", "network", "An encrypted tunnel endpoint between a network and a peer network.",
            [S("Network", "The network the gateway belongs to.", "net-1"), S("PeerAddress", "The public IP of the peer gateway.", "203.0.113.7"), I("TunnelCount", "How many tunnels are configured.", 2)]),
        new("LoadBalancer", "load balancer", "load balancers", "network", "Distributes traffic across backends behind one address.",
            [S("Scheme", "external or internal.", "external"), S("IpAddress", "The frontend IP address.", "198.51.100.10"), I("BackendCount", "How many backends it routes to.", 3), S("HealthCheckPath", "The path probed on each backend.", "/healthz")]),
        new("DnsZone", "DNS zone", "DNS zones", "network", "A DNS domain whose records this API serves.",
            [S("DnsName", "The domain, ending with a dot, e.g. example.com.", "example.com."), B("Private", "Whether only given networks can resolve it.", false), B("DnssecEnabled", "Whether responses are signed.", true)]),
        new("DnsRecord", "DNS record", "DNS records", "network", "One resource record set in a DNS zone.",
            [S("Zone", "The zone the record belongs to.", "zone-1"), S("RecordType", "A, AAAA, CNAME, MX, TXT, ...", "A"), S("Data", "The record data, e.g. an address.", "198.51.100.10"), I("TtlSeconds", "How long resolvers cache it.", 300)]),
        new("Certificate", "certificate", "certificates", "security", "A TLS certificate managed for load balancers and endpoints.",
            [S("Domains", "The domains the certificate covers, comma-separated.", "example.com,www.example.com"), S("Issuer", "The certificate authority.", "Example CA"), S("NotAfter", "When it expires (ISO 8601).", "2027-06-01T00:00:00Z"), B("Managed", "Whether it is renewed automatically.", true)]),
        new("StorageBucket", "storage bucket", "storage buckets", "storage", "An object storage container with its own access and lifecycle rules.",
            [S("StorageClass", "standard, nearline, coldline or archive.", "standard"), B("Versioning", "Whether overwritten objects are kept.", true), L("ObjectCount", "How many objects it holds.", 12840L), B("PublicAccessPrevention", "Whether public access is refused.", true)]),
        new("FileShare", "file share", "file shares", "storage", "A managed NFS file share that machines mount.",
            [I("CapacityGb", "The provisioned capacity in GB.", 1024), S("Tier", "basic, zonal or enterprise.", "basic"), S("MountPath", "The export path.", "/share1")]),
        new("DatabaseInstance", "database instance", "database instances", "databases", "A managed relational database server.",
            [S("Engine", "postgres, mysql or sqlserver.", "postgres"), S("EngineVersion", "The engine version, e.g. 16.", "16"), S("Tier", "The machine tier.", "db-standard-2"), B("HighAvailability", "Whether a standby runs in another zone.", true), I("StorageGb", "The data disk size in GB.", 250)]),
        new("DatabaseBackup", "database backup", "database backups", "databases", "A backup of a database instance that can be restored.",
            [S("Instance", "The database instance it backs up.", "db-1"), S("Kind", "automated or on-demand.", "automated"), L("SizeBytes", "The backup size.", 734003200L)]),
        new("CacheCluster", "cache cluster", "cache clusters", "databases", "A managed in-memory key-value cache.",
            [S("Engine", "redis or memcached.", "redis"), I("MemoryGb", "The memory size in GB.", 8), I("ReplicaCount", "How many read replicas it has.", 1)]),
        new("Queue", "queue", "queues", "messaging", "A task queue that dispatches work to handlers at a controlled rate.",
            [I("MaxDispatchesPerSecond", "The dispatch rate limit.", 50), I("MaxAttempts", "How often a task is retried.", 5), L("TaskCount", "How many tasks are waiting.", 42L)]),
        new("Topic", "topic", "topics", "messaging", "A publish/subscribe channel that messages are published to.",
            [I("RetentionHours", "How long messages are kept.", 168), S("SchemaName", "The schema messages must match, if any.", "orders-v1"), S("KmsKey", "The key that encrypts messages.", "key-1")]),
        new("Subscription", "subscription", "subscriptions", "messaging", "A named stream of a topic's messages delivered to one consumer.",
            [S("Topic", "The topic it receives from.", "topic-1"), I("AckDeadlineSeconds", "How long a consumer has to acknowledge.", 30), S("PushEndpoint", "The URL messages are pushed to, or empty for pull.", ""), B("ExactlyOnce", "Whether delivery is exactly once.", false)]),
        new("Function", "function", "functions", "serverless", "Code that runs on demand in response to HTTP requests or events.",
            [S("Runtime", "The language runtime, e.g. dotnet8.", "dotnet8"), S("EntryPoint", "The handler to invoke.", "Handler"), I("MemoryMb", "Memory per instance in MB.", 256), I("TimeoutSeconds", "How long one invocation may run.", 60)]),
        new("ContainerCluster", "container cluster", "container clusters", "containers", "A managed Kubernetes cluster.",
            [S("KubernetesVersion", "The control plane version.", "1.31"), I("NodeCount", "How many nodes run across all pools.", 6), B("PrivateEndpoint", "Whether the API server has no public address.", true), S("ReleaseChannel", "rapid, regular or stable.", "regular")]),
        new("NodePool", "node pool", "node pools", "containers", "A group of identically configured nodes in a container cluster.",
            [S("Cluster", "The cluster the pool belongs to.", "cluster-1"), S("MachineType", "The nodes' machine type.", "standard-4"), I("NodeCount", "How many nodes it runs.", 3), B("Spot", "Whether nodes are preemptible.", false)]),
        new("ContainerRegistry", "container registry", "container registries", "containers", "A private registry of container images.",
            [S("Format", "docker, helm or oci.", "docker"), L("ImageCount", "How many images it stores.", 318L), B("VulnerabilityScanning", "Whether pushed images are scanned.", true)]),
        new("Secret", "secret", "secrets", "security", "A stored secret value with versions and access control. The value itself is never returned by these tools.",
            [I("VersionCount", "How many versions exist.", 4), S("Replication", "automatic or user-managed.", "automatic"), S("RotationPeriod", "How often it should be rotated, e.g. 90d.", "90d")]),
        new("EncryptionKey", "encryption key", "encryption keys", "security", "A customer-managed key that encrypts data at rest.",
            [S("Purpose", "encrypt-decrypt, sign or mac.", "encrypt-decrypt"), S("Algorithm", "The key algorithm.", "AES-256-GCM"), S("ProtectionLevel", "software or hsm.", "hsm"), S("NextRotation", "When the key rotates next (ISO 8601).", "2027-01-01T00:00:00Z")]),
        new("ServiceAccount", "service account", "service accounts", "identity", "A non-human identity that workloads authenticate as.",
            [S("Email", "The account's e-mail address.", "builder@project.iam.example.com"), I("KeyCount", "How many user-managed keys it has.", 0), B("Disabled", "Whether it is disabled.", false)]),
        new("Role", "role", "roles", "identity", "A custom role: a named set of permissions to grant.",
            [S("Title", "The role title shown in consoles.", "Log reader"), I("PermissionCount", "How many permissions it includes.", 12), S("Stage", "alpha, beta, ga or deprecated.", "ga")]),
        new("ApiGateway", "API gateway", "API gateways", "serverless", "A managed gateway that fronts backends with an API definition.",
            [S("ApiConfig", "The API configuration it serves.", "config-3"), S("Hostname", "The gateway's default host name.", "gw-1.gateway.example.com"), I("RateLimitPerMinute", "Requests allowed per minute per key.", 600)]),
        new("CdnEndpoint", "CDN endpoint", "CDN endpoints", "network", "A content delivery endpoint that caches an origin at the edge.",
            [S("Origin", "The origin host it caches.", "origin.example.com"), I("DefaultTtlSeconds", "How long responses are cached.", 3600), B("Compression", "Whether responses are compressed.", true)]),
        new("LogSink", "log sink", "log sinks", "operations", "Routes matching log entries to a storage bucket, topic or warehouse.",
            [S("Destination", "Where matching entries go.", "bucket-logs"), S("Filter", "The log filter entries must match.", "severity>=ERROR"), B("IncludeChildren", "Whether child projects' logs are routed too.", false)]),
        new("AlertPolicy", "alert policy", "alert policies", "operations", "A condition on metrics or logs that notifies channels when it fires.",
            [S("Condition", "The condition, e.g. cpu > 0.9 for 5m.", "cpu > 0.9 for 5m"), S("NotificationChannels", "The channels notified, comma-separated.", "oncall-email"), S("Severity", "critical, error, warning or info.", "critical"), B("Enabled", "Whether it is evaluated.", true)]),
        new("Dashboard", "dashboard", "dashboards", "operations", "A monitoring dashboard of charts.",
            [I("WidgetCount", "How many charts it shows.", 8), S("Layout", "grid, mosaic or column.", "grid"), S("Owner", "Who maintains it.", "sre-team")]),
        new("Budget", "budget", "budgets", "billing", "A spending limit with alert thresholds for a billing account.",
            [S("Amount", "The budget amount with currency, e.g. 1000 USD.", "1000 USD"), S("Thresholds", "Alert thresholds as fractions, comma-separated.", "0.5,0.9,1.0"), S("Period", "monthly, quarterly or yearly.", "monthly")]),
        new("Workflow", "workflow", "workflows", "serverless", "An orchestration of service calls defined in YAML.",
            [I("Revision", "The current revision number.", 7), S("ServiceAccount", "The identity the workflow runs as.", "sa-1"), S("CallLogLevel", "none, errors or all.", "errors")]),
        new("ScheduledJob", "scheduled job", "scheduled jobs", "serverless", "A cron job that calls an HTTP target or publishes to a topic.",
            [S("Schedule", "The cron schedule, e.g. 0 3 * * *.", "0 3 * * *"), S("TimeZone", "The time zone of the schedule.", "Etc/UTC"), S("Target", "The URL or topic it triggers.", "https://jobs.example.com/nightly"), B("Paused", "Whether it is paused.", false)]),
        new("DataWarehouse", "data warehouse", "data warehouses", "analytics", "A serverless analytics dataset of tables queried with SQL.",
            [S("Location", "Where the data is stored.", "EU"), I("TableCount", "How many tables it holds.", 57), L("StoredBytes", "How many bytes it stores.", 987654321098L), I("DefaultTableExpirationDays", "After how many days new tables expire; 0 for never.", 0)]),
    ];
}

internal static class ResourceWriter
{
    public const int OperationCount = 13;

    public static string Write(Resource r)
    {
        var w = new StringBuilder();
        var id = Camel(r.Type) + "Id";
        var a = Article(r.Singular);
        w.Append($$"""
            // Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
            namespace McpPlatform.Fixtures.LargeApi.Resources;

            /// <summary>{{Sentence(a)}} {{r.Singular}}. {{r.About}}</summary>
            /// <param name="Id">The {{r.Singular}} id.</param>
            /// <param name="Name">The display name.</param>
            /// <param name="ProjectId">The project it belongs to.</param>
            /// <param name="Region">The region it runs in, e.g. europe-west1.</param>
            /// <param name="State">The lifecycle state.</param>
            /// <param name="Labels">Key/value labels.</param>
            /// <param name="CreatedAt">When it was created.</param>
            /// <param name="UpdatedAt">When it last changed.</param>

            """);
        foreach (var f in r.Fields)
        {
            w.Append($"/// <param name=\"{f.Name}\">{f.Description}</param>\n");
        }

        w.Append($"public sealed record {r.Type}(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt");
        foreach (var f in r.Fields)
        {
            w.Append($", {f.Type} {f.Name}");
        }

        w.Append(");\n\n");
        w.Append($"/// <summary>The settings of {a} {r.Singular} that create and update accept. Settings left out keep their value or default.</summary>\n");
        foreach (var f in r.Fields)
        {
            w.Append($"/// <param name=\"{f.Name}\">{f.Description}</param>\n");
        }

        w.Append($"public sealed record {r.Type}Spec({string.Join(", ", r.Fields.Select(f => $"{f.Type}? {f.Name} = null"))});\n\n");
        w.Append($"""
            /// <summary>A page of {r.Plural}.</summary>
            /// <param name="Items">The {r.Plural} on this page.</param>
            /// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
            /// <param name="TotalSize">How many {r.Plural} matched in all.</param>
            public sealed record {r.Type}Page(IReadOnlyList<{r.Type}> Items, string? NextPageToken, int TotalSize);


            """);

        var sample = string.Join(", ", r.Fields.Select(f => f.Sample));
        var merged = string.Join(", ", r.Fields.Select(f => $"spec.{f.Name} ?? {f.Sample}"));
        w.Append($$"""
            /// <summary>The {{r.Area}} API's {{r.Plural}}. {{r.About}}</summary>
            [McpToolSet("{{r.Plural.Replace(' ', '_').ToLowerInvariant()}}", Description = "{{Sentence(r.Plural)}} ({{r.Area}}).")]
            public static class {{r.Type}}Tools
            {
                private static {{r.Type}} Sample(string projectId, string id, string name = "{{Snake(r.Type).Replace('_', '-')}}-1") =>
                    new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, {{sample}});

                /// <summary>Lists the {{r.Plural}} in a project, optionally in one region and matching a filter. Results are paged.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="region">Only {{r.Plural}} in this region; every region when omitted.</param>
                /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
                /// <param name="pageSize">At most this many {{r.Plural}} per page (1-500).</param>
                /// <param name="pageToken">The token from the previous page, to continue.</param>
                [McpTool(Access = ToolAccess.Read, Idempotent = true)]
                public static {{r.Type}}Page List{{r.PluralType}}(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
                    new([Sample(projectId, "{{Snake(r.Type).Replace('_', '-')}}-1")], null, 1);

                /// <summary>Gets {{a}} {{r.Singular}} with all its settings and its current state.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                [McpTool(Access = ToolAccess.Read, Idempotent = true)]
                public static {{r.Type}} Get{{r.Type}}(string projectId, string {{id}}) => Sample(projectId, {{id}});

                /// <summary>Creates {{a}} {{r.Singular}}. Returns a long-running operation; poll it until done.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="name">The display name, unique in the project.</param>
                /// <param name="region">The region to create it in, e.g. europe-west1.</param>
                /// <param name="spec">The {{r.Singular}}'s settings.</param>
                /// <param name="labels">Key/value labels to attach.</param>
                /// <param name="validateOnly">Only check the request; create nothing.</param>
                [McpTool(Access = ToolAccess.Write)]
                public static Operation Create{{r.Type}}(string projectId, string name, string region, {{r.Type}}Spec spec, Label[]? labels = null, bool validateOnly = false) =>
                    FakeCloud.Operation("create", projectId, name, validateOnly);

                /// <summary>Changes the settings of {{a}} {{r.Singular}}. Settings left out of spec keep their value.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="spec">The settings to change.</param>
                /// <param name="etag">The etag from get; the update fails if the {{r.Singular}} changed since.</param>
                [McpTool(Access = ToolAccess.Write)]
                public static Operation Update{{r.Type}}(string projectId, string {{id}}, {{r.Type}}Spec spec, string? etag = null) =>
                    FakeCloud.Operation("update", projectId, {{id}}, false);

                /// <summary>Deletes {{a}} {{r.Singular}}. Deleted {{r.Plural}} can be restored for 30 days, then they are gone for good.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="force">Also delete resources that depend on it.</param>
                [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
                public static Operation Delete{{r.Type}}(string projectId, string {{id}}, bool force = false) =>
                    FakeCloud.Operation("delete", projectId, {{id}}, false);

                /// <summary>Restores a deleted {{r.Singular}} within 30 days of its deletion.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The id of the deleted {{r.Singular}}.</param>
                [McpTool(Access = ToolAccess.Write)]
                public static Operation Restore{{r.Type}}(string projectId, string {{id}}) =>
                    FakeCloud.Operation("restore", projectId, {{id}}, false);

                /// <summary>Replaces the labels of {{a}} {{r.Singular}}.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="labels">The new labels; an empty list removes every label.</param>
                [McpTool(Access = ToolAccess.Write, Idempotent = true)]
                public static {{r.Type}} Set{{r.Type}}Labels(string projectId, string {{id}}, Label[] labels) =>
                    Sample(projectId, {{id}}) with { Labels = labels };

                /// <summary>Moves {{a}} {{r.Singular}} to another project in the same organization.</summary>
                /// <param name="projectId">The project it is in now.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="targetProjectId">The project to move it to.</param>
                [McpTool(Access = ToolAccess.Write)]
                public static Operation Move{{r.Type}}(string projectId, string {{id}}, string targetProjectId) =>
                    FakeCloud.Operation("move", targetProjectId, {{id}}, false);

                /// <summary>Gets the access policy of {{a}} {{r.Singular}}: which members hold which roles on it.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                [McpTool(Access = ToolAccess.Read, Idempotent = true)]
                public static AccessPolicy Get{{r.Type}}AccessPolicy(string projectId, string {{id}}) => FakeCloud.Policy({{id}});

                /// <summary>Replaces the access policy of {{a}} {{r.Singular}}. Members left out lose their access.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="bindings">The complete new list of role bindings.</param>
                /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
                [McpTool(Access = ToolAccess.Destructive)]
                public static AccessPolicy Set{{r.Type}}AccessPolicy(string projectId, string {{id}}, AccessBinding[] bindings, string etag) =>
                    new({{id}}, bindings, etag + "1");

                /// <summary>Reads a monitoring metric of {{a}} {{r.Singular}} over a time window.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
                /// <param name="start">The start of the window.</param>
                /// <param name="end">The end of the window; now when omitted.</param>
                /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
                [McpTool(Access = ToolAccess.Read, Idempotent = true)]
                public static MetricSeries Get{{r.Type}}Metrics(string projectId, string {{id}}, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
                    FakeCloud.Metric(metric, start, alignmentSeconds);

                /// <summary>Lists the audit events of {{a}} {{r.Singular}}: who changed or accessed it and when, newest first.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="since">Only events after this time.</param>
                /// <param name="limit">At most this many events (1-1000).</param>
                [McpTool(Access = ToolAccess.Read, Idempotent = true)]
                public static IReadOnlyList<AuditEvent> List{{r.Type}}Events(string projectId, string {{id}}, DateTimeOffset? since = null, int limit = 100) =>
                    [FakeCloud.Event({{id}})];

                /// <summary>Exports the configuration of {{a}} {{r.Singular}} as a declarative document that can be applied elsewhere.</summary>
                /// <param name="projectId">The project id, e.g. acme-prod.</param>
                /// <param name="{{id}}">The {{r.Singular}} id.</param>
                /// <param name="format">The document format.</param>
                [McpTool(Access = ToolAccess.Read, Idempotent = true)]
                public static ExportedConfig Export{{r.Type}}Config(string projectId, string {{id}}, ConfigFormat format = ConfigFormat.Yaml) =>
                    FakeCloud.Export({{id}}, format);
            }

            """);
        return w.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Camel(string type) => char.ToLowerInvariant(type[0]) + type[1..];

    private static string Snake(string type) =>
        string.Concat(type.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Article(string noun) => "aeiouAEIOU".Contains(noun[0]) ? "an" : "a";

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
