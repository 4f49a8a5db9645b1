// Preloaded (node --import) into published servers that listen on every interface when given only a port, such as
// @modelcontextprotocol/server-everything's Streamable HTTP mode (express app.listen(PORT)): binds them to
// 127.0.0.1 instead, so the tests never open a port beyond loopback. The server's own code runs unmodified.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const portOnly = (typeof args[0] === "number" || typeof args[0] === "string") && typeof args[1] !== "string";
  if (portOnly) {
    args.splice(1, 0, "127.0.0.1");
  }

  return listen.apply(this, args);
};
