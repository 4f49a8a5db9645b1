// Azure Container Apps: one app running the image eng/ci.sh pushed, with /healthz/live and /healthz/ready probes and
// HTTP-concurrency scale-out (Streamable HTTP in stateless mode needs no session affinity).
// The app pulls the image and reads secrets as its user-assigned managed identity, so no
// registry credential or client secret exists anywhere. eng/ci.sh deploy passes image and registryServer.

@description('The image to run, e.g. contoso.azurecr.io/company-mcpserver1:<tag>.')
param image string

@description('The registry host, e.g. contoso.azurecr.io.')
param registryServer string

@description('The container app name.')
param name string = 'company-mcpserver1'

@description('Where to deploy.')
param location string = resourceGroup().location

@description('Resource ID of an existing Container Apps managed environment.')
param environmentId string

@description('Resource ID of the user-assigned managed identity with AcrPull (and Key Vault Secrets User when secrets live in Key Vault).')
param identityId string

@description('This server\'s public MCP URL, the audience tokens must carry.')
param resource string = 'https://mcp.example.com/mcp'

@description('The public host name clients use (DNS-rebinding allow-list).')
param publicHost string = 'mcp.example.com'

@description('Name of the managed environment\'s Azure Files storage for the audit files (az containerapp env storage set --access-mode ReadWrite ...).')
param auditStorageName string

@description('Name of the environment\'s Azure Files storage for the signed audit checkpoints; another share (another account) is better.')
param checkpointStorageName string = auditStorageName
//#if (Secrets != "keyvault")

@description('The audit chain key (HMAC of every record): 32 random bytes in base64, e.g. openssl rand -base64 32. Keep it: verifying the audit files needs it.')
@secure()
param auditChainKey string
//#endif

@description('The Redis connection string the replicas share limits through (host:6380,ssl=true and its access key); empty: limits stay in each replica (run one). Needs the package McpPlatform.Hosting.Redis (--fleet true). See docs/fleet.md.')
@secure()
param redisConfiguration string = ''

// Only with a Redis: its connection string as a secret and the setting that reads it.
var redisSecrets = empty(redisConfiguration) ? [] : [ { name: 'redis-configuration', value: redisConfiguration } ]
var redisEnv = empty(redisConfiguration) ? [] : [ { name: 'McpPlatform__Redis__Configuration', secretRef: 'redis-configuration' } ]

@description('The managed environment\'s infrastructure subnet (CIDR), whose ingress forwards requests.')
param ingressNetwork string = '10.0.0.0/16'

@minValue(1)
param minReplicas int = 2

@maxValue(30)
param maxReplicas int = 10

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    managedEnvironmentId: environmentId
    configuration: {
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
      }
      registries: [ { server: registryServer, identity: identityId } ]
//#if (Secrets != "keyvault")
      secrets: concat([ { name: 'audit-chain-key', value: auditChainKey } ], redisSecrets)
//#else
      secrets: redisSecrets
//#endif
    }
    template: {
      containers: [
        {
          name: 'server'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat(redisEnv, [
            { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
            { name: 'McpPlatform__Authentication__Resource', value: resource }
            { name: 'McpPlatform__AllowedHosts__0', value: publicHost }
            // Audit records outlive the replica: they go to Azure Files, one folder and chain per replica ({Replica} is
            // CONTAINER_APP_REPLICA_NAME), and the signed checkpoints of each chain's head to a second share;
            // `mcp-platform audit verify /mnt/audit` checks every replica (docs/fleet.md).
            { name: 'McpPlatform__Audit__Directory', value: '/mnt/audit/{Replica}' }
            { name: 'McpPlatform__Audit__CheckpointDirectory', value: '/mnt/audit-checkpoints/{Replica}' }
            // The fleet's shared state: rate limits and Code Mode concurrency count across replicas in Redis.
            { name: 'McpPlatform__Redis__ReadsWhenUnavailable', value: 'Allow' }
            // Behind the environment's ingress (Envoy): believe its X-Forwarded-* from the infrastructure subnet.
            { name: 'McpPlatform__ForwardedHeaders__Enabled', value: 'true' }
            { name: 'McpPlatform__ForwardedHeaders__KnownNetworks__0', value: ingressNetwork }
            // Graceful shutdown: in-flight calls get 25 s, then the audit log flushes and checkpoints, within terminationGracePeriodSeconds.
            { name: 'ASPNETCORE_SHUTDOWNTIMEOUTSECONDS', value: '25' }
//#if (Secrets != "keyvault")
            { name: 'MCP_SECRET_AUDIT_CHAIN_KEY', secretRef: 'audit-chain-key' }
//#endif
            // DefaultAzureCredential picks the user-assigned identity by its client id.
            { name: 'AZURE_CLIENT_ID', value: reference(identityId, '2023-01-31').clientId }
          ])
          volumeMounts: [
            { volumeName: 'audit', mountPath: '/mnt/audit' }
            { volumeName: 'audit-checkpoints', mountPath: '/mnt/audit-checkpoints' }
          ]
          probes: [
            // live: the process is up; ready: the audit sink writes, the identity provider's metadata is loaded,
            // the secret store and Redis answer. Startup gives a slow first start 30 seconds (failureThreshold is at most 10 here) before liveness may restart it.
            { type: 'Startup', httpGet: { path: '/healthz/live', port: 8080 }, periodSeconds: 3, failureThreshold: 10 }
            { type: 'Liveness', httpGet: { path: '/healthz/live', port: 8080 }, periodSeconds: 10, timeoutSeconds: 5 }
            { type: 'Readiness', httpGet: { path: '/healthz/ready', port: 8080 }, periodSeconds: 5, timeoutSeconds: 5 }
          ]
        }
      ]
      // SIGTERM to kill: 25 s of draining in-flight calls (ASPNETCORE_SHUTDOWNTIMEOUTSECONDS) plus the audit flush.
      terminationGracePeriodSeconds: 40
      volumes: [
        { name: 'audit', storageType: 'AzureFile', storageName: auditStorageName }
        { name: 'audit-checkpoints', storageType: 'AzureFile', storageName: checkpointStorageName }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [ { name: 'http', http: { metadata: { concurrentRequests: '50' } } } ]
      }
    }
  }
}

output url string = 'https://${app.properties.configuration.ingress.fqdn}/mcp'
