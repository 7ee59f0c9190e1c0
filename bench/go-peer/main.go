// Command terraform-provider-keyward (bench peer) is a benchmark instrument only: the Go provider a vendor would
// write for Keyward with terraform-plugin-framework, managing keyward_role, keyward_integration_user and
// keyward_api_key with the same HTTP calls as the real provider (packages/provider). `npm run bench:tofu` builds
// it and compares the real provider against it. It is not shipped, not supported, and not a second provider.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

func main() {
	err := providerserver.Serve(context.Background(), newProvider, providerserver.ServeOpts{Address: "keyward.dev/bench/keyward"})
	if err != nil {
		log.Fatal(err)
	}
}
