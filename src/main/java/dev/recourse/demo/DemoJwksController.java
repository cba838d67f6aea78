package dev.recourse.demo;

import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /demo/jwks.json}: the demo provider client's public key, for the development issuer. */
@RestController
@Conditional(DemoCondition.class)
class DemoJwksController {
	private final DemoJwks jwks;

	DemoJwksController(DemoJwks jwks) {
		this.jwks = jwks;
	}

	@GetMapping(path = DemoClients.JWKS_PATH, produces = "application/jwk-set+json")
	Map<String, Object> jwks() {
		return jwks.document();
	}
}
