package dev.recourse.app;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /app/} is the app's page (the SMART redirect URI), {@code /app/launch.html} its launch URL. The built assets carry
 * a content hash in their names, so they are cached for good; the pages are revalidated so a new build is seen at once.
 */
@Configuration
@EnableConfigurationProperties(AppProperties.class)
class AppWebConfig implements WebMvcConfigurer {
	static final String PATH = "/app";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController(PATH, PATH + "/");
		registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH + "/assets/**")
				.addResourceLocations("classpath:/static" + PATH + "/assets/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler(PATH + "/*.html")
				.addResourceLocations("classpath:/static" + PATH + "/")
				.setCacheControl(CacheControl.noCache());
	}
}
