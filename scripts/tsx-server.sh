#!/usr/bin/env bash
# Runs a TypeScript file that uses the app's server modules outside Next.js. Those modules import
# "server-only" (so that a browser bundle importing them fails the build); the package resolves
# to an empty module only under the react-server condition, which Next sets for server code.
exec npx tsx --conditions=react-server "$@"
