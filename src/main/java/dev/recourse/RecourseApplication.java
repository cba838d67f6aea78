package dev.recourse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Recourse: a FHIR R4 server for what happens after a payer says no. The HAPI JPA wiring lives in
 * {@code server/}; each feature package owns its providers, services and settings.
 */
@SpringBootApplication(
		excludeName = {
			// HAPI's jars bring these onto the classpath; we use none of them and some probe the network.
			"org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration",
			"org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.elasticsearch.ElasticsearchDataAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.elasticsearch.ElasticsearchRepositoriesAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.elasticsearch.ElasticsearchRestHealthContributorAutoConfiguration",
			"org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration",
			"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
			// no MVC views: the letter (letter/) runs its own plain TemplateEngine on its own templates
			"org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration"
		})
@ConfigurationPropertiesScan
public class RecourseApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecourseApplication.class, args);
	}
}
