package dk.kk.ks.flow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KsFlowApplication {
    public static void main(String[] args) {
        SpringApplication.run(KsFlowApplication.class, args);
    }
}
