package io.duecall.engine.config;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.sipconfig.Deployment;
import io.duecall.sipconfig.DeploymentLoader;
import io.duecall.sipconfig.EnginePbxSettings;
import io.duecall.sipconfig.InvalidDeploymentException;
import io.duecall.sipconfig.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A deployment file read for the engine, for the node's {@code deployment} key or a {@code pbxs[]} entry's: the file
 * (its trunks), the PBX settings derived from it and the AMI connection they make.
 */
record DeploymentSource(Deployment file, EnginePbxSettings pbx, AmiConfig ami) {

    /** The deployment at {@code path}, or null with the problem added to {@code errors} under {@code key}. */
    static DeploymentSource load(String key, String path, Secrets secrets, List<String> errors) {
        try {
            var file = DeploymentLoader.load(Path.of(path));
            var pbx = EnginePbxSettings.of(file, secrets);
            var d = AmiConfig.defaults();
            var ami = new AmiConfig(pbx.amiHost(), pbx.amiPort(), pbx.amiUsername(), pbx.amiSecret(),
                    pbx.dialTemplate(), pbx.outboundContext(), pbx.agentContext(), d.actionTimeout(),
                    d.pingInterval(), d.eventQueueCapacity(), file.contextsOrDefaults().abandon());
            return new DeploymentSource(file, pbx, ami);
        } catch (IOException e) {
            errors.add(key + ": '" + path + "' cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (InvalidDeploymentException | IllegalArgumentException e) {
            errors.add(key + ": " + e.getMessage());
        }
        return null;
    }
}
